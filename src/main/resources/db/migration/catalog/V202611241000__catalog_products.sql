-- The product catalogue (seed-C §2.1, seed-B §2.1): the guide's field names. Lists are JSON arrays (text);
-- money is numeric with 2 decimals, tax a percentage; availability in UTC.
CREATE TABLE product (
    product_id             BIGSERIAL PRIMARY KEY,
    product_name           VARCHAR(200)  NOT NULL,
    product_slug           VARCHAR(100)  NOT NULL,
    category               VARCHAR(20)   NOT NULL,
    service_type           VARCHAR(50)   NOT NULL,
    status                 VARCHAR(10)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    enabled                BOOLEAN       NOT NULL DEFAULT TRUE,
    icon                   VARCHAR(100),
    comment                TEXT,
    retail_cost            NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (retail_cost >= 0),
    wholesale_cost         NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (wholesale_cost >= 0),
    retail_setup_cost      NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (retail_setup_cost >= 0),
    wholesale_setup_cost   NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (wholesale_setup_cost >= 0),
    tax_percentage         NUMERIC(6, 3)  NOT NULL DEFAULT 0 CHECK (tax_percentage >= 0 AND tax_percentage <= 100),
    contract_days          INTEGER       NOT NULL DEFAULT 0 CHECK (contract_days >= 0),
    residential            BOOLEAN       NOT NULL DEFAULT TRUE,
    business               BOOLEAN       NOT NULL DEFAULT TRUE,
    customer_can_purchase  BOOLEAN       NOT NULL DEFAULT FALSE,
    available_from         TIMESTAMP,
    available_until        TIMESTAMP,
    auto_renew             VARCHAR(6)    NOT NULL DEFAULT 'false' CHECK (auto_renew IN ('prompt', 'true', 'false')),
    allow_auto_renew       BOOLEAN       NOT NULL DEFAULT FALSE,
    inventory_items_list   TEXT          NOT NULL DEFAULT '[]',
    relies_on_list         TEXT          NOT NULL DEFAULT '[]',
    features_list          TEXT          NOT NULL DEFAULT '[]',
    terms                  TEXT,
    provisioning_play      VARCHAR(100),
    provisioning_json_vars TEXT,
    created                TIMESTAMPTZ   NOT NULL,
    last_modified          TIMESTAMPTZ   NOT NULL,
    CHECK (available_until IS NULL OR available_from IS NULL OR available_from <= available_until)
);

CREATE UNIQUE INDEX product_slug_unique ON product (lower(product_slug));
CREATE INDEX product_status_idx ON product (status, enabled);
