-- The provincial OPD that handles a complaint of an office outside the province's government: its staff may read
-- the reporter's contact, as the holding OPD's may.
alter table complaint_status add column liaison_opd_code varchar(40);
