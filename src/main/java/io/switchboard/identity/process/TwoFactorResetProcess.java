package io.switchboard.identity.process;

import io.switchboard.identity.security.TwoFactorResetSettings;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts the 2FA reset process (processes/two-factor-reset.bpmn) for a stored request. The start runs in the
 * caller's transaction up to the first wait state (the verification task), so the request row, the process
 * instance and the acknowledgement email commit together or not at all.
 */
@Component
public class TwoFactorResetProcess {

    public static final String KEY = "TwoFactorResetProcess";

    // process variables
    static final String REQUEST_ID = "requestId";
    static final String REQUESTER_USERNAME = "requesterUsername";
    static final String ESCALATE_AFTER = "escalateAfter";
    static final String EXPIRE_AFTER = "expireAfter";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TwoFactorResetSettings settings;

    TwoFactorResetProcess(RuntimeService runtime, IdentityService identity, TwoFactorResetSettings settings) {
        this.runtime = runtime;
        this.identity = identity;
        this.settings = settings;
    }

    /** What the forms in Tasklist show about the request (read-only). */
    public record Facts(String requesterUsername, String requesterName, String requesterEmail, String reason,
            String contactPhone, String requestedAt, String requestedFrom, String filedBy) {}

    /**
     * Starts the process for request {@code requestId}.
     *
     * @return the process instance id
     */
    public String start(long requestId, Facts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REQUEST_ID, requestId);
        variables.put(REQUESTER_USERNAME, facts.requesterUsername());
        variables.put("requesterName", facts.requesterName());
        variables.put("requesterEmail", facts.requesterEmail());
        variables.put("requestReason", facts.reason());
        variables.put("contactPhone", facts.contactPhone());
        variables.put("requestedAt", facts.requestedAt());
        variables.put("requestedFrom", facts.requestedFrom());
        variables.put("filedBy", facts.filedBy());
        variables.put(ESCALATE_AFTER, settings.escalateAfterIso());
        variables.put(EXPIRE_AFTER, settings.expireAfterIso());
        // set by the task listeners from the staff decisions; false until then
        variables.put("identityVerified", false);
        variables.put("resetApproved", false);
        // the requester is not a Camunda user: start without anybody's Camunda authorizations in force
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return runtime.startProcessInstanceByKey(KEY, "2fa-reset-" + requestId, variables).getId();
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }

    /** Whether the instance still runs (an administrator may have deleted it). */
    public boolean isRunning(String processInstanceId) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }
}
