-- The citizen's side of the conversation: privacy choices, the secret token given at submission (stored hashed),
-- the OPD's public words, and when the complaint was resolved (the reopening window counts from it).
alter table complaint_status add column anonymous          boolean not null default false;
alter table complaint_status add column confidential       boolean not null default false;
alter table complaint_status add column citizen_token_hash varchar(64);
alter table complaint_status add column resolved_at        timestamptz;

create table public_message (
    event_id     uuid primary key,
    complaint_id uuid         not null references complaint_status (complaint_id) on delete cascade,
    occurred_at  timestamptz  not null,
    action       varchar(30)  not null,
    -- OPD: the OPD wrote it; CITIZEN: the citizen did
    author       varchar(10)  not null,
    message      text         not null
);
create index public_message_complaint on public_message (complaint_id, occurred_at);
