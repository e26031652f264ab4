-- Corrections of the built-in holiday files by the calendar admin API: a day made a holiday (libur), collective
-- leave (cuti-bersama), or a working day again (kerja). A correction replaces the file's line for its day.
create table calendar_day (
    day        date         primary key,
    kind       varchar(20)  not null,
    name       varchar(200) not null,
    source     varchar(300) not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null default clock_timestamp()
);

-- Every span a clock stood still (waiting for the citizen, or resolved until reopened): with them a changed calendar
-- re-computes an open deadline exactly.
create table sla_pause (
    complaint_id uuid        not null,
    paused_from  timestamptz not null,
    paused_to    timestamptz not null,
    primary key (complaint_id, paused_from)
);

-- A corrected day whose open deadlines are still to be re-computed: written with the correction, dropped when done.
create table calendar_recompute (
    day          date        primary key,
    requested_at timestamptz not null default clock_timestamp()
);
