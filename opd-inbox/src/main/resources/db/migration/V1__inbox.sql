-- opd-inbox owns schema "inbox" (Flyway creates it).

-- A complaint as its OPD sees it: what the citizen wrote, where routing sent it and why.
create table complaint (
    id              uuid primary key,
    tracking_number varchar(24)  not null unique,
    category        varchar(20)  not null,
    region_code     varchar(8)   not null,
    description     text         not null,
    address         varchar(300),
    latitude        double precision,
    longitude       double precision,
    channel         varchar(20)  not null,
    submitted_at    timestamptz  not null,
    opd_code        varchar(40)  not null,
    opd_name        varchar(200) not null,
    rule_id         varchar(100) not null,
    rule_version    varchar(40)  not null,
    explanation     text         not null,
    hop             int          not null,
    status          varchar(30)  not null,
    routed_at       timestamptz  not null,
    -- when this inbox stored it: the end of the submission-to-inbox latency
    received_at     timestamptz  not null default clock_timestamp(),
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
-- The inbox list: one OPD's complaints, newest first, paged by (routed_at, id).
create index complaint_opd_routed on complaint (opd_code, routed_at desc, id desc);

-- Every event applied to a complaint, in order: its history.
create table complaint_event (
    event_id     uuid primary key,
    complaint_id uuid         not null references complaint (id),
    type         varchar(60)  not null,
    occurred_at  timestamptz  not null,
    opd_code     varchar(40),
    summary      text
);
create index complaint_event_complaint on complaint_event (complaint_id, occurred_at);

-- Idempotent consumers: one row per (consumer, event) applied.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
