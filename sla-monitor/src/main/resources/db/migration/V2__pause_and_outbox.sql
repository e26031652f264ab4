-- Clocks pause while waiting for the citizen; every clock change is an event, through the outbox (db/events).
alter table sla_clock add column paused_at timestamptz;

-- A status change that arrived before its complaint's routing (the two topics are read independently): applied
-- when the clock starts.
create table early_status_change (
    event_id     uuid primary key,
    complaint_id uuid        not null,
    occurred_at  timestamptz not null,
    status       varchar(30) not null
);
create index early_status_change_complaint on early_status_change (complaint_id, occurred_at);
