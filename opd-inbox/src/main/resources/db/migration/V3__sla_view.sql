-- The deadline clocks as sla-monitor announces them (SlaClockChanged, SlaBreached), kept apart from the complaint
-- too, because a clock's event can arrive before its complaint's routing.
create table sla_clock_view (
    complaint_id uuid primary key,
    state        varchar(10) not null,
    deadline     timestamptz not null,
    breached_at  timestamptz,
    changed_at   timestamptz not null
);

alter table complaint add column deadline        timestamptz;
alter table complaint add column sla_state       varchar(10);
alter table complaint add column sla_breached_at timestamptz;
-- The inbox sorted by deadline.
create index complaint_opd_deadline on complaint (opd_code, deadline, id);
