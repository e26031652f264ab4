-- Re-planning a clock deletes its unannounced marks by complaint. With only the due-time partial index matching
-- "announced_at is null", the planner read that whole index for every event (a BitmapAnd with the primary key:
-- 2.6 million index entries for 870 complaints on a fresh stack, growing with the open clocks). This index answers
-- the delete alone.
create index sla_mark_unannounced_by_complaint on sla_mark (complaint_id) where announced_at is null;
