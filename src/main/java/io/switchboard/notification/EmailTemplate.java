package io.switchboard.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The transactional emails Switchboard sends (seed-C §1.10, C-MJ-04..13), each with the variables its Mailjet
 * template expects. The sender, Mailjet template id and subject of each are configuration
 * ({@code switchboard.notification.mailjet.templates.<kebab-case name>}).
 * <p>
 * Every variable is passed in every send (C-MJ-14): an optional variable the caller leaves out is sent empty.
 * Variables listed as secret (a temporary password, a reset or verification link or code) are never logged and
 * are scrubbed from the outbox once the email is sent or given up.
 */
public enum EmailTemplate {

    /** C-MJ-04: a customer self-registers, staff create a customer, or the first service is activated. */
    CUSTOMER_WELCOME("api_crmCommunicationCustomerWelcome",
            List.of("customer_name", "email", "company_name", "login_url", "support_url"), List.of(), List.of()),

    /** C-MJ-05: an invoice is generated or re-sent. */
    CUSTOMER_INVOICE("api_crmCommunicationCustomerInvoice",
            List.of("customer_name", "invoice_number", "invoice_date", "due_date", "total_amount", "invoice_url",
                    "pay_url"),
            List.of(), List.of()),

    /** C-MJ-06: an invoice is overdue. */
    INVOICE_REMINDER("api_crmCommunicationCustomerInvoiceReminder",
            List.of("customer_name", "invoice_number", "due_date", "days_overdue", "total_amount", "pay_url"),
            List.of(), List.of()),

    /** C-MJ-07: an admin creates a staff user or resends the welcome email. */
    USER_WELCOME("api_crmCommunicationUserWelcome",
            List.of("user_name", "email", "role", "login_url", "support_email"), List.of("temp_password"),
            List.of("temp_password")),

    /** C-MJ-08: someone asked to reset a forgotten password. */
    PASSWORD_RESET("api_crmCommunicationUserPasswordReset",
            List.of("user_name", "reset_url", "expiry_time"), List.of(), List.of("reset_url")),

    /** C-MJ-09: a password reset has completed. */
    PASSWORD_RESET_SUCCESS("api.crmCommunicationUserPasswordResetSuccess",
            List.of("user_name", "change_date", "support_email"), List.of("ip_address"), List.of()),

    /** C-MJ-10: a user changed their password, or an admin reset it. */
    PASSWORD_CHANGE("api.crmCommunicationUserPasswordChange",
            List.of("user_name", "change_date", "changed_by", "support_email"), List.of(), List.of()),

    /** C-MJ-11: an email address needs verifying. */
    EMAIL_VERIFICATION("api_crmCommunicationEmailVerification",
            List.of("user_name", "verification_url", "verification_code"), List.of(),
            List.of("verification_url", "verification_code")),

    /** C-MJ-12: a balance or allowance has expired. */
    BALANCE_EXPIRED("api_crmCommunicationsBalanceExpired",
            List.of("customer_name", "service_name", "expiry_date", "balance_type", "renewal_url"), List.of(),
            List.of()),

    /** C-MJ-13: a balance fell below its threshold. */
    BALANCE_LOW("api_crmCommunicationsBalanceLow",
            List.of("customer_name", "service_name", "current_balance", "threshold", "balance_type", "topup_url"),
            List.of(), List.of()),

    /**
     * C-PWD-07: too many wrong passwords locked the account; says until when, and carries a password-reset link.
     * Not in the OmniCRM guide: its Mailjet template has to be created (Switchboard's own key below).
     */
    ACCOUNT_LOCKED("api_crmCommunicationUserAccountLocked",
            List.of("user_name", "locked_until", "reset_url", "expiry_time", "support_email"), List.of("ip_address"),
            List.of("reset_url")),

    /**
     * A user signed in from a browser/IP pair never seen for them before (not in the guide, which has no such
     * email; the key follows its naming). The reset link is the public forgot-password page, not a token.
     */
    NEW_DEVICE_SIGN_IN("api_crmCommunicationUserNewDeviceSignIn",
            List.of("user_name", "sign_in_time", "ip_address", "browser", "operating_system", "reset_url",
                    "support_email"),
            List.of(), List.of()),

    /** A-2FA-17..19: a user who lost their authenticator asked for a 2FA reset; support will be in touch. */
    TWO_FACTOR_RESET_REQUESTED("api_crmCommunicationUser2faResetRequested",
            List.of("user_name", "request_date", "support_email"), List.of(), List.of()),

    /** The 2FA reset was approved: the user signs in with their password only and may enrol again. */
    TWO_FACTOR_RESET_COMPLETED("api_crmCommunicationUser2faResetCompleted",
            List.of("user_name", "change_date", "login_url", "support_email"), List.of(), List.of()),

    /** The 2FA reset was refused (identity not verified, or rejected by the approver), with the reason. */
    TWO_FACTOR_RESET_REJECTED("api_crmCommunicationUser2faResetRejected",
            List.of("user_name", "reason", "support_email"), List.of(), List.of()),

    /** Nobody completed the 2FA reset review in time. */
    TWO_FACTOR_RESET_EXPIRED("api_crmCommunicationUser2faResetExpired",
            List.of("user_name", "request_date", "support_email"), List.of(), List.of()),

    /** To supervisors: a 2FA reset verification has waited unclaimed in Tasklist. */
    TWO_FACTOR_RESET_ESCALATED("api_crmCommunicationUser2faResetEscalated",
            List.of("user_name", "requester", "request_date", "tasklist_url"), List.of(), List.of());

    private final String guideKey;
    private final Set<String> requiredVariables;
    private final Set<String> optionalVariables;
    private final Set<String> secretVariables;

    EmailTemplate(String guideKey, List<String> required, List<String> optional, List<String> secret) {
        this.guideKey = guideKey;
        this.requiredVariables = Set.copyOf(required);
        this.optionalVariables = Set.copyOf(optional);
        this.secretVariables = Set.copyOf(secret);
    }

    /** The template's key in the OmniCRM guide's {@code crm_config.yaml}, e.g. {@code api_crmCommunicationUserWelcome}. */
    public String guideKey() {
        return guideKey;
    }

    /** Variables a request must give. */
    public Set<String> requiredVariables() {
        return requiredVariables;
    }

    /** Variables a request may leave out; they are then sent as empty strings. */
    public Set<String> optionalVariables() {
        return optionalVariables;
    }

    /** Every variable the template knows, required and optional, in no particular order. */
    public Set<String> variables() {
        var all = new HashSet<>(requiredVariables);
        all.addAll(optionalVariables);
        return Set.copyOf(all);
    }

    /** Variables that carry a secret (a credential or a link that grants access): never logged, scrubbed after sending. */
    public Set<String> secretVariables() {
        return secretVariables;
    }
}
