-- Mail waiting for the mail server, so a message outlives the silo that queued it. A silo claims a row for a lease
-- (lease_until) while it hands it to the transport; a row whose silo stopped comes back once the lease ends.
-- The message is encrypted with the cluster key (it may carry a password reset link).
CREATE TABLE email_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_encrypted bytea NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at);
