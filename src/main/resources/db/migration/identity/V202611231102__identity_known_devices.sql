-- The devices (browser family and operating system, from one IP address) each user has signed in from, so a
-- sign-in from a new one can be told to the user by a security email. The key is a SHA-256 of the three.
CREATE TABLE known_devices (
    user_id          BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_key       VARCHAR(64)  NOT NULL,
    browser          VARCHAR(60)  NOT NULL,
    operating_system VARCHAR(60)  NOT NULL,
    ip_address       VARCHAR(45)  NOT NULL,
    first_seen_at    TIMESTAMPTZ  NOT NULL,
    last_seen_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, device_key)
);
