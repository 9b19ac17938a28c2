-- The outbox sends each message in a transaction of its own, after claiming a few at a time: the claim
-- token says which dispatcher holds a message, next_attempt_at doubles as the claim's lease.
ALTER TABLE notification ADD COLUMN claim_token VARCHAR(36) NULL;
