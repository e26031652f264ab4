-- The first-response clock (its deadline, when the OPD first answered and after how much office time), the budgets
-- the 50% and 75% marks are taken from, the OPD's name and the citizen's rating, for the ranking.
alter table sla_clock add column opd_name varchar(200);
-- When the OPD was last set (routing, re-route, transfer): a re-route read after newer inbox news still counts.
alter table sla_clock add column opd_since timestamptz;
update sla_clock set opd_since = started_at;
alter table sla_clock add column resolution_minutes integer;
alter table sla_clock add column first_response_deadline timestamptz;
alter table sla_clock add column first_response_at timestamptz;
alter table sla_clock add column first_response_minutes integer;
alter table sla_clock add column rating smallint;
alter table sla_clock add column rated_at timestamptz;
alter table early_status_change add column action varchar(30);
alter table early_status_change add column rating smallint;
alter table early_status_change add column opd_name varchar(200);

-- The thresholds of a running clock (50%, 75%, breach, escalation to the governor), each announced once. Only live
-- plans are unannounced: stopping or pausing a clock drops its unannounced marks, and running again plans them anew,
-- so the sweep reads nothing but due rows from the partial index.
create table sla_mark (
    complaint_id uuid        not null,
    clock        varchar(20) not null,
    mark         varchar(20) not null,
    due_at       timestamptz not null,
    deadline     timestamptz not null,
    announced_at timestamptz,
    primary key (complaint_id, clock, mark)
);
create index sla_mark_due on sla_mark (due_at) where announced_at is null;

-- Ranking: outcomes are found by when they happened.
create index sla_clock_started on sla_clock (started_at);
create index sla_clock_first_response_outcome on sla_clock (least(first_response_at, first_response_deadline));
create index sla_clock_stopped on sla_clock (stopped_at) where stopped_at is not null;

-- The daily ranking's history: one row per day, period and OPD; recomputing a day replaces its rows.
create table daily_ranking (
    day                   date         not null,
    period                varchar(8)   not null,
    opd_code              varchar(40)  not null,
    opd_name              varchar(200),
    rank                  integer,
    score                 numeric(5,1),
    received              integer      not null,
    fr_outcomes           integer      not null,
    fr_on_time_pct        numeric(5,1),
    res_outcomes          integer      not null,
    res_on_time_pct       numeric(5,1),
    fr_median_hours       numeric(8,2),
    fr_p90_hours          numeric(8,2),
    open_overdue          integer      not null,
    ratings               integer      not null,
    mean_rating           numeric(3,2),
    computed_at           timestamptz  not null,
    primary key (day, period, opd_code)
);
