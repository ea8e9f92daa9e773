-- 2FA reset requests filed by staff on behalf of a caller (from the console user page or
-- POST /2fa/reset-request/on-behalf/user/{id}). The filer is recorded and, like the requester, may neither verify
-- nor approve the request (separation of duties, also checked by the listeners in identity.process).
ALTER TABLE two_factor_reset_requests ADD COLUMN filed_by_user_id BIGINT REFERENCES users (id);
ALTER TABLE two_factor_reset_requests ADD CONSTRAINT two_factor_reset_requests_filer CHECK (
    filed_by_user_id IS NULL OR (filed_by_user_id <> user_id
        AND (verifier_user_id IS NULL OR verifier_user_id <> filed_by_user_id)
        AND (approver_user_id IS NULL OR approver_user_id <> filed_by_user_id)));

-- Filing a 2FA reset request for someone else (the request then goes through verification and approval); much
-- narrower than reset_user_2fa, which turns 2FA off at once. Support and Admin hold it.
INSERT INTO permissions (id, name, description, system) VALUES
    (240, 'request_user_2fa_reset', 'File a 2FA reset request on behalf of a caller (support verifies, an admin approves)', true)
ON CONFLICT DO NOTHING;
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'request_user_2fa_reset'
WHERE r.group_id IN ('support', 'admin')
ON CONFLICT DO NOTHING;
