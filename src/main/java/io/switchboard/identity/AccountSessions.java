package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.RefreshTokens;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.security.SessionClients;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's own sessions (security settings, "sessions"): web sessions (Spring Session JDBC),
 * remembered browsers (remember-me tokens) and API refresh-token families, with the one the request came from
 * marked; the user ends any of them, or all but the current one. Ending an API family revokes its refresh
 * tokens; its access token lives out its (short) lifetime unless all others are ended, which also invalidates
 * every access token.
 */
@Service
public class AccountSessions {

    private static final String WEB = "web-";
    private static final String REMEMBER_ME = "remember-";
    private static final String API = "api-";
    private static final String REMEMBER_ME_COOKIE = "remember-me";

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final RefreshTokens refreshTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccessGuard access;
    private final ActivityLog activity;
    private final io.switchboard.identity.security.SecuritySettings settings;

    AccountSessions(JdbcClient jdbc, UserAccounts users, RefreshTokens refreshTokens,
            FindByIndexNameSessionRepository<? extends Session> sessions, AccessGuard access, ActivityLog activity,
            io.switchboard.identity.security.SecuritySettings settings) {
        this.jdbc = jdbc;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.access = access;
        this.activity = activity;
        this.settings = settings;
    }

    /** The signed-in user's sessions, newest activity first. */
    @Transactional(readOnly = true)
    public List<SessionInfo> mine() {
        UserAccount user = me();
        Instant now = Instant.now();
        String currentSession = currentSessionId();
        String currentSeries = currentRememberMeSeries();
        var result = new ArrayList<SessionInfo>();
        Map<String, ? extends Session> web = sessions.findByPrincipalName(user.getUsername());
        Map<String, String> primaryIds = primaryIds(user.getUsername());
        web.forEach((sessionId, session) -> {
            if (session.isExpired() || !primaryIds.containsKey(sessionId)) {
                return;
            }
            result.add(new SessionInfo(WEB + primaryIds.get(sessionId), SessionInfo.Kind.WEB, session.getCreationTime(),
                    session.getLastAccessedTime(), session.getLastAccessedTime().plus(session.getMaxInactiveInterval()),
                    session.getAttribute(SessionClients.IP_ADDRESS), session.getAttribute(SessionClients.USER_AGENT),
                    sessionId.equals(currentSession)));
        });
        jdbc.sql("SELECT series, last_used FROM persistent_logins WHERE username = :u")
                .param("u", user.getUsername())
                .query((rs, n) -> {
                    String series = rs.getString("series");
                    Instant lastUsed = rs.getTimestamp("last_used").toInstant();
                    return new SessionInfo(REMEMBER_ME + seriesId(series), SessionInfo.Kind.REMEMBER_ME, null, lastUsed,
                            lastUsed.plus(settings.rememberMeTtl()), null, null, series.equals(currentSeries));
                }).list().stream().filter(s -> s.expires().isAfter(now)).forEach(result::add);
        jdbc.sql("""
                SELECT family_id, min(issued_at) AS created, max(issued_at) AS last_used, max(expires_at) AS expires
                FROM refresh_tokens WHERE user_id = :user
                GROUP BY family_id
                HAVING bool_or(used_at IS NULL AND revoked_at IS NULL AND expires_at > :now)""")
                .param("user", user.getId()).param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new SessionInfo(API + rs.getObject("family_id", UUID.class), SessionInfo.Kind.API,
                        rs.getTimestamp("created").toInstant(), rs.getTimestamp("last_used").toInstant(),
                        rs.getTimestamp("expires").toInstant(), null, null, false))
                .list().forEach(result::add);
        result.sort(Comparator.comparing((SessionInfo s) -> !s.current())
                .thenComparing(s -> s.lastUsed() == null ? Instant.EPOCH : s.lastUsed(), Comparator.reverseOrder()));
        return result;
    }

    /**
     * Ends one of the signed-in user's sessions.
     *
     * @throws NotFoundException when the user has no session with this id
     */
    @Transactional
    public void end(String id) {
        UserAccount user = me();
        if (id == null || id.length() > 120) {
            throw new NotFoundException("session", String.valueOf(id));
        }
        if (id.startsWith(WEB)) {
            String sessionId = primaryIds(user.getUsername()).entrySet().stream()
                    .filter(e -> e.getValue().equals(id.substring(WEB.length()))).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new NotFoundException("session", id));
            deleteAfterCommit(List.of(sessionId));
        } else if (id.startsWith(REMEMBER_ME)) {
            String series = rememberMeSeries(user.getUsername()).stream()
                    .filter(s -> seriesId(s).equals(id.substring(REMEMBER_ME.length()))).findFirst()
                    .orElseThrow(() -> new NotFoundException("session", id));
            jdbc.sql("DELETE FROM persistent_logins WHERE series = :s").param("s", series).update();
        } else if (id.startsWith(API)) {
            UUID family;
            try {
                family = UUID.fromString(id.substring(API.length()));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("session", id);
            }
            int revoked = jdbc.sql("""
                    UPDATE refresh_tokens SET revoked_at = :now
                    WHERE family_id = :family AND user_id = :user AND revoked_at IS NULL""")
                    .param("now", java.sql.Timestamp.from(Instant.now())).param("family", family)
                    .param("user", user.getId()).update();
            if (revoked == 0) {
                throw new NotFoundException("session", id);
            }
        } else {
            throw new NotFoundException("session", id);
        }
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "SESSION_ENDED",
                user.getUsername() + " ended one of their sessions (" + kindOf(id) + ")"));
    }

    /**
     * Signs the user out everywhere but the current web session (and its remembered browser): every other web
     * session, remembered browser and API refresh token, and every access token.
     *
     * @return how many sessions ended
     */
    @Transactional
    public int endAllOthers() {
        UserAccount user = users.findForUpdate(access.requireUser()).orElseThrow(() -> new NotFoundException("user", 0));
        String currentSession = currentSessionId();
        String currentSeries = currentRememberMeSeries();
        var others = sessions.findByPrincipalName(user.getUsername()).keySet().stream()
                .filter(id -> !id.equals(currentSession)).toList();
        deleteAfterCommit(others);
        int remembered = jdbc.sql("DELETE FROM persistent_logins WHERE username = :u AND series <> :keep")
                .param("u", user.getUsername()).param("keep", currentSeries == null ? "" : currentSeries).update();
        long families = jdbc.sql("""
                SELECT count(DISTINCT family_id) FROM refresh_tokens
                WHERE user_id = :user AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
                .param("user", user.getId()).query(Long.class).single();
        refreshTokens.revokeAllOf(user.getId(), Instant.now());
        user.revokeTokens();
        users.flush();
        int ended = others.size() + remembered + (int) families;
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "SIGNED_OUT_ELSEWHERE",
                user.getUsername() + " signed out everywhere else (" + ended + " sessions ended)"));
        return ended;
    }

    private UserAccount me() {
        long userId = access.requireUser();
        return users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    private Map<String, String> primaryIds(String username) {
        var ids = new java.util.HashMap<String, String>();
        jdbc.sql("SELECT session_id, primary_id FROM spring_session WHERE principal_name = :u")
                .param("u", username)
                .query(rs -> {
                    ids.put(rs.getString("session_id").trim(), rs.getString("primary_id").trim());
                });
        return ids;
    }

    private List<String> rememberMeSeries(String username) {
        return jdbc.sql("SELECT series FROM persistent_logins WHERE username = :u").param("u", username)
                .query(String.class).list();
    }

    private void deleteAfterCommit(List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessionIds.forEach(sessions::deleteById);
            }
        });
    }

    /** An id for a remember-me series that does not give the series away (it is half of the cookie). */
    private static String seriesId(String series) {
        return Secrets.sha256("remember-me:" + series).substring(0, 32);
    }

    private static String kindOf(String id) {
        return id.startsWith(WEB) ? "web" : id.startsWith(REMEMBER_ME) ? "remembered browser" : "API";
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String currentSessionId() {
        HttpServletRequest request = request();
        var session = request == null ? null : request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** The series of the request's remember-me cookie ({@code base64(series:token)}), if it has one. */
    private static String currentRememberMeSeries() {
        HttpServletRequest request = request();
        if (request == null || request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (REMEMBER_ME_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                try {
                    String value = cookie.getValue();
                    for (int pad = value.length() % 4; pad > 0 && pad < 4; pad++) {
                        value += "=";
                    }
                    String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon > 0 ? decoded.substring(0, colon) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
