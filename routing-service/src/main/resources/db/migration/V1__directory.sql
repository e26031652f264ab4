-- The OPD directory, kept by the admin API. Routing holds it in memory; revision tells every instance to reload.
create table opd (
    code         varchar(40) primary key,
    name         varchar(200) not null,
    level        varchar(20) not null,
    region       varchar(8),
    liaison      varchar(40),
    active_from  date,
    active_until date,          -- exclusive: the merger's or retirement's day
    successor    varchar(40) references opd (code)
);

-- Who changed what, when, with the OPD as it was before and after (JSON).
create table opd_audit (
    id          bigserial primary key,
    at          timestamptz not null default clock_timestamp(),
    actor       varchar(100) not null,   -- the admin's subject id, or seed:<version>
    actor_name  varchar(200),
    action      varchar(20) not null,    -- SEED, CREATE, RENAME, MERGE, RETIRE
    opd_code    varchar(40) not null,
    before_state text,
    after_state  text,
    change_id   uuid
);
create index opd_audit_by_opd on opd_audit (opd_code, id);

create table directory_revision (
    id           int primary key check (id = 1),
    revision     bigint not null,
    seed_version varchar(40)
);
insert into directory_revision values (1, 0, null);

-- A merger or retirement, announced as OpdMerged on its day (then through the outbox).
create table opd_succession (
    id           uuid primary key,
    from_codes   varchar(400) not null,  -- comma-separated
    into_code    varchar(40) not null references opd (code),
    effective_on date not null,
    reason       varchar(600) not null,
    actor        varchar(100) not null,
    announced_at timestamptz
);
create index opd_succession_due on opd_succession (effective_on) where announced_at is null;

create table outbox_event (
    id         uuid primary key,
    topic      varchar(200) not null,
    event_key  varchar(100) not null,
    payload    text not null,
    created_at timestamptz not null default clock_timestamp(),
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;
