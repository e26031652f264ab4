-- Staff actions: who holds a complaint, the internal side of its history, and the outbox of its events.

alter table complaint add column assignee_subject varchar(100);
alter table complaint add column assignee_name    varchar(100);
alter table complaint add column resolved_at      timestamptz;

alter table complaint_event add column action         varchar(30);
alter table complaint_event add column actor          varchar(100);
alter table complaint_event add column actor_name     varchar(100);
alter table complaint_event add column public_message text;
-- Internal notes and reasons: staff and the governor read them, citizens never.
alter table complaint_event add column internal_note  text;

-- Staff known to the inbox (recorded when they use it): whom a complaint can be assigned to.
create table staff_member (
    subject   varchar(100) primary key,
    username  varchar(100) not null,
    opd_code  varchar(40)  not null,
    last_seen timestamptz  not null
);
create index staff_member_opd on staff_member (opd_code, username);

-- Transactional outbox (service-support: Outbox, OutboxRelay).
create table outbox_event (
    id         uuid primary key,
    topic      varchar(200) not null,
    event_key  varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;
