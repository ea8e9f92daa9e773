package io.switchboard.identity.web;

import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.TwoFactorEnrolment;
import io.switchboard.identity.security.TwoFactorSettings;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.QrCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's security settings (A-2FA-06..10, C-SC-05): 2FA status; enrolment (confirm the password,
 * then the QR code, the otpauth URI, the secret for typing in and the backup codes, shown once, then a code to
 * confirm); new backup codes; turning 2FA off (password and code) unless policy requires it; links to the
 * password and sessions pages. Staff see it in the console layout, customer users in the portal's, where 2FA is
 * optional and never urged (A-2FA-05). A user whom policy requires to use 2FA is held here until enrolled.
 */
@Controller
class AccountSecurityController {

    static final String VIEW = "identity/security";
    static final String PAGE = "/account/security";

    private final TwoFactor twoFactor;
    private final CurrentActor currentActor;
    private final TwoFactorSettings settings;

    AccountSecurityController(TwoFactor twoFactor, CurrentActor currentActor, TwoFactorSettings settings) {
        this.twoFactor = twoFactor;
        this.currentActor = currentActor;
        this.settings = settings;
    }

    @ModelAttribute("actor")
    @Nullable
    Actor actor() {
        return currentActor.find().orElse(null);
    }

    /** Customer users get the portal layout, staff the console's. */
    @ModelAttribute("customerUser")
    boolean customerUser() {
        Actor actor = currentActor.find().orElse(null);
        return actor != null && (actor.customerId() != null || actor.roles().contains("customer")
                || actor.roles().contains("customer-admin"));
    }

    @ModelAttribute("layout")
    String layout() {
        return customerUser() ? "fragments/portal" : "fragments/console";
    }

    @GetMapping(PAGE)
    String page(Model model) {
        return show(model);
    }

    @PostMapping(PAGE + "/enable")
    String enable(@RequestParam(required = false) String password, Model model) {
        try {
            TwoFactorEnrolment enrolment = twoFactor.enable(self(), password);
            showEnrolment(model, enrolment);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", "enable");
        }
        return show(model);
    }

    @PostMapping(PAGE + "/confirm")
    String confirm(@RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
        try {
            twoFactor.verifySetup(self(), code);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", "confirm");
            return show(model);
        }
        redirect.addFlashAttribute("notice", "security.twoFactor.enabledNotice");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/backup-codes")
    String regenerate(@RequestParam(required = false) String password, Model model) {
        try {
            model.addAttribute("backupCodes", twoFactor.regenerateOwnBackupCodes(password));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", "regenerate");
        }
        return show(model);
    }

    @PostMapping(PAGE + "/disable")
    String disable(@RequestParam(required = false) String password, @RequestParam(required = false) String code,
            Model model, RedirectAttributes redirect) {
        try {
            twoFactor.disableOwn(password, code);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", "disable");
            return show(model);
        }
        redirect.addFlashAttribute("notice", "security.twoFactor.disabledNotice");
        return "redirect:" + PAGE;
    }

    private String show(Model model) {
        var status = twoFactor.status(self());
        model.addAttribute("status", status);
        model.addAttribute("enrolledOn", status.enrolledAt() == null ? ""
                : java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(status.enrolledAt().atZone(java.time.ZoneOffset.UTC)));
        model.addAttribute("issuer", settings.issuer());
        return VIEW;
    }

    private void showEnrolment(Model model, TwoFactorEnrolment enrolment) {
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("qrSvg", QrCodes.svg(enrolment.qrCodeUrl(), "QR code for " + settings.issuer()));
        model.addAttribute("secretGroups", groupsOf4(enrolment.totpSecret()));
        model.addAttribute("backupCodes", enrolment.backupCodes());
    }

    static String groupsOf4(String secret) {
        var groups = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                groups.append(' ');
            }
            groups.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return groups.toString();
    }

    private long self() {
        Actor actor = currentActor.find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (actor.userId() == null) {
            throw new AccessDeniedException("Only users have security settings");
        }
        return actor.userId();
    }

    private static Map<String, String> errors(RuntimeException e) {
        var errors = new LinkedHashMap<String, String>();
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().forEach(error -> errors.put(error.field(), error.reason()));
        } else {
            errors.put("_", e.getMessage());
        }
        return errors;
    }
}
