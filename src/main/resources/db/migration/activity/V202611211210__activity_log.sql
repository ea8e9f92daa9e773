-- The activity log: append-only record of every write, whoever and whatever made it.
CREATE TABLE activity_log (
    id                   BIGSERIAL PRIMARY KEY,
    occurred_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor_user_id        BIGINT,
    actor_username       VARCHAR(200) NOT NULL,
    impersonator_user_id BIGINT,
    channel              VARCHAR(20)  NOT NULL,
    entity_type          VARCHAR(60)  NOT NULL,
    entity_id            VARCHAR(100) NOT NULL,
    customer_id          BIGINT,
    action               VARCHAR(40)  NOT NULL,
    summary              VARCHAR(1000) NOT NULL,
    changes              JSONB        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX activity_log_customer_idx ON activity_log (customer_id, occurred_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX activity_log_entity_idx ON activity_log (entity_type, entity_id, occurred_at DESC);

-- Append-only is enforced by the database, not only by the absence of an endpoint.
CREATE FUNCTION activity_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'activity_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER activity_log_append_only
    BEFORE UPDATE OR DELETE ON activity_log
    FOR EACH ROW EXECUTE FUNCTION activity_log_is_append_only();
CREATE TRIGGER activity_log_no_truncate
    BEFORE TRUNCATE ON activity_log
    FOR EACH STATEMENT EXECUTE FUNCTION activity_log_is_append_only();
