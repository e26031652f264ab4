-- The event tables of every service, in the service's own schema (Flyway's default schema), defined here once and
-- owned by service-support: EventPublisher writes outbox_event, ProcessedEvents writes processed_event,
-- EventTablePruning prunes both. Each service lists db/events beside db/migration in quarkus.flyway.locations.
--
-- Repeatable: Flyway runs it after the service's own migrations, and again whenever this file changes. The first
-- migrations of some services created earlier shapes of these tables (applied migrations are history and stay as
-- they were: editing one stops every existing database from starting); every statement here is idempotent and
-- brings whatever exists to the current shape, so a change of shape is an "add ... if not exists" here, and no
-- service migration defines these tables any more. Versioned migrations run first on a fresh database: they cannot
-- refer to the current shape.

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
alter table outbox_event add column if not exists relay_after timestamptz not null default clock_timestamp();
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
