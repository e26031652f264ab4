-- Indexes for the inbox's filters and sort orders (measured with 1,000,000 complaints: docs/benchmarks.md).

-- Free text: words of the tracking number, the description and the address.
alter table complaint add column search tsvector generated always as (
    to_tsvector('simple', tracking_number || ' ' || description || ' ' || coalesce(address, ''))) stored;
create index complaint_search on complaint using gin (search);

-- One OPD's inbox by status, newest first; by age (oldest first); the governor's view across OPDs.
create index complaint_opd_status_routed on complaint (opd_code, status, routed_at desc, id desc);
create index complaint_opd_submitted on complaint (opd_code, submitted_at, id);
create index complaint_routed on complaint (routed_at desc, id desc);
