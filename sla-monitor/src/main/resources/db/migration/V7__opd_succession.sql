-- OPD mergers (OpdMerged): from effective_on, the ranking counts from_code's complaints under into_code.
create table opd_succession (
    from_code    varchar(40)  primary key,
    into_code    varchar(40)  not null,
    into_name    varchar(200),
    effective_on date         not null,
    event_id     uuid         not null
);
