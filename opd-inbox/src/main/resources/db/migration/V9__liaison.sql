-- A complaint for an office outside the province's government (a kabupaten/kota's, BPJN...) is handled through
-- a provincial liaison OPD: its staff see and act on it, as on their own.
alter table complaint add column liaison_opd_code varchar(40);
create index complaint_liaison_routed on complaint (liaison_opd_code, routed_at desc, id desc)
    where liaison_opd_code is not null;
