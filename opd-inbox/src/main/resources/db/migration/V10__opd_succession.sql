-- OPD mergers as routing-service announces them (OpdMerged): from which day a merged OPD's work goes to its
-- successor. A ComplaintRouted that still names a merged OPD (sent before the merger, read after it) is stored
-- under the successor, following the chain when the successor merged again.
create table opd_succession (
    from_code    varchar(40)  primary key,
    into_code    varchar(40)  not null,
    into_name    varchar(200),
    into_liaison varchar(40),
    effective_on date         not null,
    -- the OpdMerged event that recorded it
    event_id     uuid         not null
);
-- A merger finds the OPDs' open complaints through complaint_opd_status_routed (V4) and complaint_liaison_routed (V9).
