-- complaint-intake owns schema "intake" (Flyway creates it).

-- The public status of each complaint: reserved when intake accepts it, confirmed once its event is on Kafka,
-- then fed by routing and status events. Holds no personal data.
create table complaint_status (
    complaint_id    uuid primary key,
    tracking_number varchar(24)  not null unique,
    category        varchar(20)  not null,
    region_code     varchar(8)   not null,
    status          varchar(30)  not null,
    opd_code        varchar(40),
    opd_name        varchar(200),
    submitted_at    timestamptz  not null,
    -- occurred-at of the event that set the status: an older event never overwrites a newer one.
    status_at       timestamptz  not null,
    confirmed       boolean      not null default false,
    created_at      timestamptz  not null default now()
);
create index complaint_status_unconfirmed on complaint_status (created_at) where not confirmed;

-- The reporter's contact. Personal data: it never leaves intake through Kafka.
create table reporter_contact (
    complaint_id uuid primary key references complaint_status (complaint_id) on delete cascade,
    name         varchar(100),
    phone        varchar(20),
    email        varchar(254),
    created_at   timestamptz not null default now()
);

-- Idempotent consumers: one row per (consumer, event) applied.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
