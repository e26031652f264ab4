-- A chat complaint's idempotency key, so that "kirim ulang" after an unconfirmed submission is the same complaint.
alter table chat_conversation add column submission_key varchar(64);
