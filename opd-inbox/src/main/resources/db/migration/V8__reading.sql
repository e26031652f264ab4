-- What intake saw in the complaint: an earlier one it may repeat, and why a person must route it (triage).
alter table complaint add column possible_duplicate_of uuid;
alter table complaint add column triage_reasons        varchar(100);
