-- The latest SLA threshold sla-monitor announced for a complaint (SlaWarning, SlaBreached, SlaEscalated), for the
-- inbox's flag: for example RESOLUTION_75, FIRST_RESPONSE_BREACHED, ESCALATED_GOVERNOR.
alter table sla_clock_view add column flag varchar(40);
alter table sla_clock_view add column flag_at timestamptz;
alter table complaint add column sla_flag varchar(40);
