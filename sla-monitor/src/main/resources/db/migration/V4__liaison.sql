-- The provincial OPD that follows up a complaint held by an office outside the province's government: its staff see
-- that clock and its overdue state too.
alter table sla_clock add column liaison_opd_code varchar(40);
alter table early_status_change add column liaison_opd_code varchar(40);
create index sla_clock_open_liaison_deadline on sla_clock (liaison_opd_code, deadline)
    where stopped_at is null and liaison_opd_code is not null;
