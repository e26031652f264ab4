-- Where a complaint is, for linking possible duplicates: same category within 250 m or in the same desa, 7 days.
alter table complaint_status add column latitude     double precision;
alter table complaint_status add column longitude    double precision;
alter table complaint_status add column place_code   varchar(16);
alter table complaint_status add column duplicate_of uuid;
-- The complaint's own words, for public listings (Open311 GET requests); never shown when rahasia.
alter table complaint_status add column description  text;
alter table complaint_status add column address      varchar(300);
create index complaint_status_nearby on complaint_status (category, submitted_at, latitude)
    where latitude is not null;
create index complaint_status_place on complaint_status (place_code, category, submitted_at)
    where place_code is not null;

-- Idempotency-Key of POST /api/v1/complaints: a retry with the same key gets the same receipt and publishes
-- nothing. The citizen token is kept here (and only here) so that the retry can return it; rows expire.
create table idempotency_key (
    idempotency_key varchar(200) primary key,
    request_hash    varchar(64)  not null,
    complaint_id    uuid         not null references complaint_status (complaint_id) on delete cascade,
    citizen_token   varchar(64)  not null,
    created_at      timestamptz  not null default now()
);
create index idempotency_key_created on idempotency_key (created_at);
