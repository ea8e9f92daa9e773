package io.switchboard.console.users;

import io.switchboard.console.FormErrors;
import io.switchboard.identity.PermissionCatalogue;
import io.switchboard.identity.PermissionInfo;
import io.switchboard.identity.RoleAdministration;
import io.switchboard.identity.RoleProfile;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
 * Role administration (C-ROL), admins only: the roles with how many users hold them; create, rename and describe
 * a role; grant permissions picked from the catalogue (C-ROL-06) and withdraw them one by one (C-ROL-07); delete
 * a role that is not seeded (C-ROL-05). Through identity's {@link RoleAdministration}.
 */
@Controller
@RequestMapping("/console/roles")
@PreAuthorize("hasAuthority('admin')")
class RolesController {

    static final String LIST_VIEW = "console/roles/list";
    static final String NEW_VIEW = "console/roles/new";
    static final String ROLE_VIEW = "console/roles/role";

    private final RoleAdministration roles;
    private final PermissionCatalogue catalogue;

    RolesController(RoleAdministration roles, PermissionCatalogue catalogue) {
        this.roles = roles;
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("roles", roles.list(PageQuery.of(1, PageQuery.MAX_PER_PAGE, "name", "asc", null)).getContent());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("input", new RoleInput());
        return NEW_VIEW;
    }

    @PostMapping("/new")
    String processCreationForm(@ModelAttribute("input") RoleInput input, BindingResult result,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var role = roles.create(input.toNewRole());
            redirect.addFlashAttribute("notice", "roles.created");
            return "redirect:/console/roles/" + role.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return NEW_VIEW;
    }

    @GetMapping("/{roleId}")
    String show(@PathVariable long roleId, Model model) {
        addRole(roles.get(roleId), model);
        return ROLE_VIEW;
    }

    @GetMapping("/{roleId}/edit")
    String initUpdateForm(@PathVariable long roleId, Model model) {
        var role = roles.get(roleId);
        addRole(role, model);
        model.addAttribute("input", RoleInput.of(role));
        model.addAttribute("editing", true);
        return ROLE_VIEW;
    }

    @PostMapping("/{roleId}/edit")
    String processUpdateForm(@PathVariable long roleId, @ModelAttribute("input") RoleInput input, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            roles.update(roleId, input.toChanges());
            redirect.addFlashAttribute("notice", "roles.saved");
            return "redirect:/console/roles/" + roleId;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        addRole(roles.get(roleId), model);
        model.addAttribute("editing", true);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return ROLE_VIEW;
    }

    /** Grants the permissions ticked in the catalogue (C-ROL-06); they take effect on the holders' next request. */
    @PostMapping("/{roleId}/permissions")
    String addPermissions(@PathVariable long roleId,
            @RequestParam(name = "permissionIds", required = false) List<Long> permissionIds,
            RedirectAttributes redirect) {
        if (permissionIds == null || permissionIds.isEmpty()) {
            redirect.addFlashAttribute("problem", "roles.permissions.noneChosen");
        } else {
            roles.addPermissions(roleId, permissionIds);
            redirect.addFlashAttribute("notice", "roles.permissions.added");
        }
        return "redirect:/console/roles/" + roleId;
    }

    @PostMapping("/{roleId}/permissions/{permissionId}/delete")
    String removePermission(@PathVariable long roleId, @PathVariable long permissionId, RedirectAttributes redirect) {
        try {
            roles.removePermission(roleId, permissionId);
            redirect.addFlashAttribute("notice", "roles.permissions.removed");
        } catch (ConflictException e) {
            // the last administrator's admin permission
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
        }
        return "redirect:/console/roles/" + roleId;
    }

    /** Require 2FA of the role's holders, or stop requiring it. */
    @PostMapping("/{roleId}/two-factor")
    String requireTwoFactor(@PathVariable long roleId, @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect) {
        roles.update(roleId, new io.switchboard.identity.RoleChanges(null, null, required));
        redirect.addFlashAttribute("notice", required ? "roles.twoFactor.requiredNow" : "roles.twoFactor.optionalNow");
        return "redirect:/console/roles/" + roleId;
    }

    @PostMapping("/{roleId}/delete")
    String delete(@PathVariable long roleId, RedirectAttributes redirect) {
        try {
            roles.delete(roleId);
            redirect.addFlashAttribute("notice", "roles.deleted");
            return "redirect:/console/roles";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", FormErrors.code(e.getMessage()));
            redirect.addFlashAttribute("problemText", e.getMessage());
            return "redirect:/console/roles/" + roleId;
        }
    }

    /**
     * The role, and the catalogue's permissions it lacks, grouped by what they are about ({@code customer_site},
     * {@code cbc_message}, ...) for the picker.
     */
    private void addRole(RoleProfile role, Model model) {
        model.addAttribute("role", role);
        Set<Long> granted = role.permissions().stream().map(PermissionInfo::id).collect(Collectors.toSet());
        var available = new ArrayList<PermissionInfo>();
        for (int page = 1; ; page++) {
            var batch = catalogue.list(PageQuery.of(page, PageQuery.MAX_PER_PAGE, "id", "asc", null));
            batch.getContent().stream().filter(p -> !granted.contains(p.id())).forEach(available::add);
            if (!batch.hasNext()) {
                break;
            }
        }
        model.addAttribute("availableGroups", groups(available));
        model.addAttribute("grantedGroups", groups(role.permissions()));
    }

    /** Permissions by subject: {@code view_own_customer_site} and {@code create_customer_site} under customer_site. */
    static Map<String, List<PermissionInfo>> groups(List<PermissionInfo> permissions) {
        var groups = new LinkedHashMap<String, List<PermissionInfo>>();
        for (PermissionInfo permission : permissions) {
            groups.computeIfAbsent(subject(permission.name()), k -> new ArrayList<>()).add(permission);
        }
        return groups;
    }

    static String subject(String permission) {
        String rest = permission.replaceFirst("^(view_own|view_assigned|view|create|update|delete)_", "");
        return rest.equals(permission) ? "general" : rest;
    }
}
