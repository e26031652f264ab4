-- Clocks pause while waiting for the citizen; every clock change is an event, through the outbox.
alter table sla_clock add column paused_at timestamptz;

create table outbox_event (
    id         uuid primary key,
    topic      varchar(200) not null,
    event_key  varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;

-- A status change that arrived before its complaint's routing (the two topics are read independently): applied
-- when the clock starts.
create table early_status_change (
    event_id     uuid primary key,
    complaint_id uuid        not null,
    occurred_at  timestamptz not null,
    status       varchar(30) not null
);
create index early_status_change_complaint on early_status_change (complaint_id, occurred_at);
