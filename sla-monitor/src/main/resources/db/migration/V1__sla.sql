-- sla-monitor owns schema "sla" (Flyway creates it).

-- One deadline clock per complaint: started by its first routing, kept running across re-routes, stopped when the
-- complaint is resolved or closed.
create table sla_clock (
    complaint_id    uuid primary key,
    tracking_number varchar(24)  not null,
    opd_code        varchar(40)  not null,
    category        varchar(20)  not null,
    region_code     varchar(8)   not null,
    started_at      timestamptz  not null,
    deadline        timestamptz  not null,
    status          varchar(30)  not null,
    status_at       timestamptz  not null,
    stopped_at      timestamptz,
    breached_at     timestamptz
);
-- The overdue list and the breach sweep read only open clocks, by deadline.
create index sla_clock_open_deadline on sla_clock (deadline) where stopped_at is null;
create index sla_clock_open_opd_deadline on sla_clock (opd_code, deadline) where stopped_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
