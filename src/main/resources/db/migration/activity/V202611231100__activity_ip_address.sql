-- Where each write came from (A-2FA-19, A-UADM-13: IP addresses are logged for security events): the client
-- address of the request, as resolved through the trusted proxies; null for processes and background jobs.
ALTER TABLE activity_log ADD COLUMN ip_address VARCHAR(45);
