-- The event tables of every service, in the service's own schema (Flyway's default schema), owned by
-- service-support: EventPublisher writes outbox_event, ProcessedEvents writes processed_event, EventTablePruning
-- prunes both. Each service lists db/events beside db/migration in quarkus.flyway.locations. Repeatable and
-- idempotent: Flyway applies it after the service's own migrations, and again whenever this file changes.

-- The transactional outbox: an event written in the transaction of the change it reports, sent after the commit.
create table if not exists outbox_event (
    id          uuid primary key,                                -- the event id
    topic       varchar(200) not null,
    event_key   varchar(100) not null,
    payload     text         not null,                           -- the event's JSON
    created_at  timestamptz  not null default clock_timestamp(),
    relay_after timestamptz  not null default clock_timestamp(),  -- a writer that forwards it itself holds the relay off
    sent_at     timestamptz                                       -- when Kafka acknowledged it
);
create index if not exists outbox_event_due on outbox_event (relay_after) where sent_at is null;
-- Sent rows are pruned by age; rows are appended in time order, so a BRIN index stays tiny.
create index if not exists outbox_event_age on outbox_event using brin (created_at);

-- The idempotent consumer: one row per consumer and event applied, claimed in the consumer's transaction.
create table if not exists processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index if not exists processed_event_age on processed_event using brin (processed_at);
