-- The citizen's privacy choices, as the routed complaint carries them: anonim (no contact for staff) and
-- rahasia (never public).
alter table complaint add column anonymous    boolean not null default false;
alter table complaint add column confidential boolean not null default false;
