-- The IP allow-list (A-CFG-14) acts as this non-login service account, never as an admin (DESIGN.md decision 6).
-- Its role starts with no permission at all: the operator grants exactly what the allow-listed callers need by
-- editing the role (docs/roles.md); admin is never honoured for it.
INSERT INTO roles (name, group_id, description, system) VALUES
    ('IP Allow-list', 'ip-allow-list',
     'What requests without credentials from an allow-listed network may do (switchboard.security.ip-allow-list); never admin',
     true)
ON CONFLICT DO NOTHING;

INSERT INTO users (username, email, password_hash, first_name, last_name, service_account)
VALUES ('ip-allow-list', 'ip-allow-list@service.switchboard.invalid', NULL, 'IP allow-list', '(service account)', true)
ON CONFLICT DO NOTHING;

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u, roles r
WHERE lower(u.username) = 'ip-allow-list' AND u.service_account AND r.group_id = 'ip-allow-list'
ON CONFLICT DO NOTHING;
