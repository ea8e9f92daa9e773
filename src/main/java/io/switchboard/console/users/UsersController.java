package io.switchboard.console.users;

import io.switchboard.console.FormErrors;
import io.switchboard.console.web.Paging;
import io.switchboard.identity.PasswordPolicy;
import io.switchboard.identity.RoleAdministration;
import io.switchboard.identity.RoleSummary;
import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.UserWelcomeEmails;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.TwoFactorStatus;
import io.switchboard.identity.UserChanges;
import io.switchboard.identity.UserSearch;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User administration (C-USR, A-UADM), admins only: the list with search and filters; a new user with a temporary
 * password and roles; a user's page with edit, password reset (a generated temporary password shown once, to be
 * changed at the next sign-in), disable/enable, soft delete and restore. Everything goes through identity's
 * {@link UserAdministration}, which checks {@code admin} again and keeps at least one administrator.
 */
@Controller
@RequestMapping("/console/users")
@PreAuthorize("hasAuthority('admin')")
class UsersController {

    static final String LIST_VIEW = "console/users/list";
    static final String RESULTS_FRAGMENT = LIST_VIEW + " :: results";
    static final String NEW_VIEW = "console/users/new";
    static final String USER_VIEW = "console/users/user";
    static final int PAGE_SIZE = 25;
    /** The list's status filter: which users it shows. */
    static final List<String> STATUSES = List.of("active", "disabled", "deleted", "all");
    /** The list's 2FA filter (C-2FA-09). */
    static final List<String> TWO_FACTOR_FILTERS = List.of("any", "on", "off");

    private final UserAdministration users;
    private final RoleAdministration roles;
    private final UserWelcomeEmails welcomeEmails;
    private final TwoFactor twoFactor;

    UsersController(UserAdministration users, RoleAdministration roles, UserWelcomeEmails welcomeEmails,
            TwoFactor twoFactor) {
        this.users = users;
        this.roles = roles;
        this.welcomeEmails = welcomeEmails;
        this.twoFactor = twoFactor;
    }

    /** Every role, by name: the form's checkboxes and the list's filter. */
    @ModelAttribute("allRoles")
    List<RoleSummary> allRoles() {
        return roles.list(PageQuery.of(1, PageQuery.MAX_PER_PAGE, "name", "asc", null)).getContent();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(defaultValue = "active") String status,
            @RequestParam(defaultValue = "any") String twofa,
            @RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
        String text = search == null ? "" : search.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String state = STATUSES.contains(status) ? status : "active";
        String roleFilter = role == null || role.isBlank() ? "" : role;
        String twoFactorState = TWO_FACTOR_FILTERS.contains(twofa) ? twofa : "any";
        var filter = new UserSearch(text.isEmpty() ? null : text, roleFilter.isEmpty() ? List.of() : List.of(roleFilter),
                List.of(), deletedFilter(state), enabledFilter(state), null, null, null,
                switch (twoFactorState) {
                    case "on" -> List.of(true);
                    case "off" -> List.of(false);
                    default -> List.of();
                });
        int number = pageNumber(page);
        var results = search(filter, number);
        if (results.getTotalPages() > 0 && number > results.getTotalPages()) {
            number = results.getTotalPages();
            results = search(filter, number);
        }
        model.addAttribute("search", text);
        model.addAttribute("role", roleFilter);
        model.addAttribute("status", state);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("twofa", twoFactorState);
        model.addAttribute("twoFactorFilters", TWO_FACTOR_FILTERS);
        model.addAttribute("results", results);
        model.addAttribute("paging", Paging.of(results));
        return isHtmx(request) ? RESULTS_FRAGMENT : LIST_VIEW;
    }

    private org.springframework.data.domain.Page<io.switchboard.identity.UserSummary> search(UserSearch filter, int page) {
        try {
            return users.search(filter, PageQuery.of(page, PAGE_SIZE, "username", "asc", null));
        } catch (InvalidInputException e) {
            // a role in the URL that no longer exists: show nobody rather than an error page
            return org.springframework.data.domain.Page.empty(org.springframework.data.domain.PageRequest.of(0, PAGE_SIZE));
        }
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("input", UserInput.withPassword(PasswordPolicy.generateTemporary()));
        return NEW_VIEW;
    }

    @PostMapping("/new")
    String processCreationForm(@ModelAttribute("input") UserInput input, BindingResult result,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var created = users.create(input.toNewUser());
                redirect.addFlashAttribute("notice", input.isMustChangePassword() ? "users.created.temporary"
                        : "users.created");
                // the password is shown once, on the next page, and never again
                redirect.addFlashAttribute("shownPassword", input.getPassword());
                return redirectTo(created.id());
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return NEW_VIEW;
    }

    @GetMapping("/{userId}")
    String show(@PathVariable long userId, Model model) {
        model.addAttribute("user", users.get(userId));
        return USER_VIEW;
    }

    /** The user's 2FA (A-UADM-02/07): shown on the user's page. */
    @ModelAttribute("twoFactor")
    @Nullable
    TwoFactorStatus twoFactor(@PathVariable(required = false) @Nullable Long userId) {
        return userId == null ? null : twoFactor.status(userId);
    }

    /** A-UADM-07/08, C-2FA-07: the user signs in with the password alone and may enrol again. */
    @PostMapping("/{userId}/reset-2fa")
    String resetTwoFactor(@PathVariable long userId, RedirectAttributes redirect) {
        var user = users.get(userId);
        try {
            twoFactor.adminDisable(userId);
            redirect.addFlashAttribute("notice", "users.twoFactor.resetDone");
            redirect.addFlashAttribute("noticeArgs", new Object[] {user.firstName() + " " + user.lastName()});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "users.twoFactor.resetFailed");
        }
        return redirectTo(userId);
    }

    @GetMapping("/{userId}/edit")
    String initUpdateForm(@PathVariable long userId, Model model) {
        var user = users.get(userId);
        model.addAttribute("user", user);
        model.addAttribute("input", UserInput.of(user));
        model.addAttribute("editing", true);
        return USER_VIEW;
    }

    @PostMapping("/{userId}/edit")
    String processUpdateForm(@PathVariable long userId, @ModelAttribute("input") UserInput input,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var user = users.get(userId);
        if (!result.hasErrors()) {
            try {
                users.update(userId, input.toChanges(user));
                redirect.addFlashAttribute("notice", "users.saved");
                return redirectTo(userId);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("user", user);
        model.addAttribute("editing", true);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return USER_VIEW;
    }

    /** A-UADM-03: ask first; the answer is on the user's page. */
    @GetMapping("/{userId}/reset-password")
    String initPasswordReset(@PathVariable long userId, Model model) {
        model.addAttribute("user", users.get(userId));
        model.addAttribute("confirmReset", true);
        return USER_VIEW;
    }

    /** A-UADM-04: a generated temporary password, shown once; the user must change it at the next sign-in. */
    @PostMapping("/{userId}/reset-password")
    String processPasswordReset(@PathVariable long userId, RedirectAttributes redirect) {
        String temporary = users.resetToTemporaryPassword(userId);
        redirect.addFlashAttribute("notice", "users.passwordReset");
        redirect.addFlashAttribute("shownPassword", temporary);
        return redirectTo(userId);
    }

    @PostMapping("/{userId}/disable")
    String disable(@PathVariable long userId, RedirectAttributes redirect) {
        return change(userId, new UserChanges(null, null, null, null, null, null, null, false, null), "users.disabled", redirect);
    }

    @PostMapping("/{userId}/enable")
    String enable(@PathVariable long userId, RedirectAttributes redirect) {
        return change(userId, new UserChanges(null, null, null, null, null, null, null, true, null), "users.enabled", redirect);
    }

    /** C-USR-11: a soft delete; the user can no longer sign in and every session ends. */
    @PostMapping("/{userId}/delete")
    String delete(@PathVariable long userId, RedirectAttributes redirect) {
        try {
            users.delete(userId);
            redirect.addFlashAttribute("notice", "users.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
        }
        return redirectTo(userId);
    }

    /** A-UADM-10: for users who have never signed in; once a day at most. */
    @PostMapping("/{userId}/welcome-email")
    String sendWelcomeEmail(@PathVariable long userId, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice",
                    welcomeEmails.send(userId) ? "users.welcomeSent" : "users.welcomeAlreadySent");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
        }
        return redirectTo(userId);
    }

    /** C-PWD-07: ends a sign-in lockout before its time. */
    @PostMapping("/{userId}/unlock")
    String unlock(@PathVariable long userId, RedirectAttributes redirect) {
        try {
            users.unlock(userId);
            redirect.addFlashAttribute("notice", "users.unlocked");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
        }
        return redirectTo(userId);
    }

    @PostMapping("/{userId}/restore")
    String restore(@PathVariable long userId, RedirectAttributes redirect) {
        return change(userId, new UserChanges(null, null, null, null, null, null, null, null, false), "users.restored", redirect);
    }

    private String change(long userId, UserChanges changes, String notice, RedirectAttributes redirect) {
        try {
            users.update(userId, changes);
            redirect.addFlashAttribute("notice", notice);
        } catch (ConflictException e) {
            // e.g. the last active administrator cannot be disabled
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
        }
        return redirectTo(userId);
    }

    /**
     * After a change: back to the user's page (POST, redirect, GET). These forms post without htmx, so that the
     * flash attributes (the notice, a password shown once) reach the page the browser loads.
     */
    private static String redirectTo(long userId) {
        return "redirect:/console/users/" + userId;
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    private static List<Boolean> deletedFilter(String status) {
        return switch (status) {
            case "deleted" -> List.of(true);
            case "all" -> List.of(true, false);
            default -> List.of(false);
        };
    }

    private static List<Boolean> enabledFilter(String status) {
        return switch (status) {
            case "active" -> List.of(true);
            case "disabled" -> List.of(false);
            default -> List.of();
        };
    }

    private static int pageNumber(String text) {
        try {
            return Math.max(1, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
