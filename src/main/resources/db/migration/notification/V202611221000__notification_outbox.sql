-- Transactional outbox for email (DESIGN.md "Scale-out"): a row is written in the same transaction as the
-- change that causes it and sent after commit by whichever node claims it first.
CREATE TABLE notification_outbox (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key     VARCHAR(200) NOT NULL,           -- also Mailjet's CustomID
    template            VARCHAR(40)  NOT NULL,           -- EmailTemplate name, e.g. PASSWORD_RESET
    recipient_email     VARCHAR(254) NOT NULL,
    recipient_name      VARCHAR(200),
    variables           JSONB        NOT NULL,           -- secret values are scrubbed once the row is final
    customer_id         BIGINT,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ  NOT NULL,           -- while SENDING: the end of the claim's lease
    last_attempt_at     TIMESTAMPTZ,
    claim_token         UUID,                            -- fences a node's updates to its own claim
    claimed_by          VARCHAR(120),                    -- node that made the last claim
    outcome_unknown     BOOLEAN      NOT NULL DEFAULT FALSE, -- an attempt may have reached the provider
    last_error          TEXT,
    provider            VARCHAR(20),                     -- mailjet | sandbox
    provider_message_id VARCHAR(100),
    created_at          TIMESTAMPTZ  NOT NULL,
    sent_at             TIMESTAMPTZ,
    CONSTRAINT notification_outbox_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT notification_outbox_status_ck CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    CONSTRAINT notification_outbox_attempts_ck CHECK (attempts >= 0)
);

-- what the dispatchers poll: only the rows still to do
CREATE INDEX notification_outbox_due_ix ON notification_outbox (next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notification_outbox_customer_ix ON notification_outbox (customer_id, created_at)
    WHERE customer_id IS NOT NULL;

-- Sandbox mode (switchboard.sandbox=true): what would have gone to Mailjet, shown at /sandbox/mail.
CREATE TABLE notification_sandbox_mail (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    custom_id    VARCHAR(200) NOT NULL,                  -- not unique: a re-send is captured again, as Mailjet would
    template     VARCHAR(40)  NOT NULL,
    template_id  BIGINT       NOT NULL,
    from_email   VARCHAR(254) NOT NULL,
    from_name    VARCHAR(200),
    to_email     VARCHAR(254) NOT NULL,
    to_name      VARCHAR(200),
    subject      VARCHAR(500) NOT NULL,
    variables    JSONB        NOT NULL,
    captured_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX notification_sandbox_mail_custom_id_ix ON notification_sandbox_mail (custom_id);
CREATE INDEX notification_sandbox_mail_captured_ix ON notification_sandbox_mail (captured_at DESC, id DESC);
