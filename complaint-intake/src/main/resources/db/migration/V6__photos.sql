-- Citizens' photos, metadata removed (domain.Photos). Shown publicly unless the complaint is rahasia.
create table complaint_photo (
    complaint_id uuid primary key references complaint_status (complaint_id) on delete cascade,
    content_type varchar(20) not null,
    width        integer     not null,
    height       integer     not null,
    bytes        bytea       not null,
    created_at   timestamptz not null default now()
);
