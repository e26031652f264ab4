-- One submission path (issue 12): every reservation now has its event in the outbox (db/events), which intake keeps
-- sending until Kafka has it; nothing purges reservations any more.

-- Reservations of the old design had no outbox row: an unconfirmed one left behind was never promised to anyone
-- (its submission answered 503) and would have been purged. If its event did reach Kafka, the status feed puts the
-- row back when it reads it.
delete from complaint_status where not confirmed;
drop index if exists complaint_status_unconfirmed;

-- A chat complaint's idempotency key, so that "kirim ulang" after an unconfirmed submission is the same complaint.
alter table chat_conversation add column submission_key varchar(64);

-- The REST door stores a client's key (up to 200 characters) under the prefix "api:".
alter table idempotency_key alter column idempotency_key type varchar(300);
