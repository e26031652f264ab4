-- A TRANSFER (the OPD holding the complaint merged into another) that arrived before the routing that starts the
-- clock: the OPD the clock runs for from then on. Null for every other status change.
alter table early_status_change add column opd_code varchar(40);
