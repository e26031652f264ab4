-- Open311 GET requests lists the public complaints (confirmed, not rahasia) of a date window, newest first: this
-- partial index serves that query without reading rahasia rows or unconfirmed reservations at all.
create index complaint_status_public_listing on complaint_status (submitted_at desc, tracking_number)
    where confirmed and not confidential;
