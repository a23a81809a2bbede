package no.varde.accounts.web;

import java.util.List;
import java.util.UUID;
import no.varde.accounts.AccountAdministration;
import no.varde.accounts.AccountProblem;
import no.varde.accounts.NewAccount;
import no.varde.accounts.PasswordPolicy;
import no.varde.accounts.UserAccount;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
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
 * Account administration pages: a system administrator manages every account, a municipal administrator the
 * home-care accounts of their own municipality ({@link no.varde.accounts.AccountPermissions}).
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'MUNICIPAL_ADMIN')")
class AccountPages {

    private final AccountAdministration administration;
    private final Municipalities municipalities;
    private final ResponseCentres centres;

    AccountPages(AccountAdministration administration, Municipalities municipalities, ResponseCentres centres) {
        this.administration = administration;
        this.municipalities = municipalities;
        this.centres = centres;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", administration.visibleTo(CurrentUser.get()));
        return "accounts/accounts";
    }

    @GetMapping("/new")
    String create(Model model) {
        VardeUser me = CurrentUser.get();
        model.addAttribute(
                "form",
                me.hasRole(Role.MUNICIPAL_ADMIN) && me.kommunenummer() != null
                        ? new AccountForm(
                                null,
                                null,
                                Role.HOME_CARE.name(),
                                me.kommunenummer().value(),
                                null,
                                null,
                                null)
                        : new AccountForm(null, null, null, null, null, null, null));
        return form(me, model);
    }

    @PostMapping
    String save(
            @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        VardeUser me = CurrentUser.get();
        try {
            UserAccount account = administration.create(me, form.toNewAccount());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/accounts/" + account.id();
        } catch (InvalidInputException e) {
            for (FieldProblem problem : e.problems()) {
                errors.rejectValue(problem.field(), messageKey(problem), problem.message());
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(me, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("account", administration.find(CurrentUser.get(), id));
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        return "accounts/account";
    }

    @PostMapping("/{id}/enabled")
    String enabled(
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return change(id, model, redirect, response, () -> administration.setEnabled(CurrentUser.get(), id, enabled));
    }

    @PostMapping("/{id}/password")
    String password(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return change(id, model, redirect, response, () -> administration.setPassword(CurrentUser.get(), id, password));
    }

    @PostMapping("/{id}/oidc-subject")
    String oidcSubject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String oidcSubject,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return change(
                id,
                model,
                redirect,
                response,
                () -> administration.bindOidcSubject(CurrentUser.get(), id, oidcSubject));
    }

    private String change(
            UUID id,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response,
            Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/accounts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(problem -> new PageProblem(messageKey(problem), problem.message()))
                            .toList());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, model);
        }
    }

    private String form(VardeUser me, Model model) {
        boolean system = me.hasRole(Role.SYSTEM_ADMIN);
        model.addAttribute("roles", system ? List.of(Role.values()) : List.of(Role.HOME_CARE));
        List<Municipality> all = municipalities.all();
        model.addAttribute(
                "municipalities",
                system
                        ? all
                        : all.stream()
                                .filter(m -> m.kommunenummer().equals(me.kommunenummer()))
                                .toList());
        model.addAttribute("centres", system ? centres.all() : List.of());
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        return "accounts/account-form";
    }

    private static String messageKey(FieldProblem problem) {
        return AccountProblem.of(problem).map(AccountProblem::messageKey).orElse("accounts.problem.other");
    }

    /** A problem shown on the account page: the message key, and the English text if the key is missing. */
    record PageProblem(String key, String text) {}

    record AccountForm(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String role,
            @Nullable String kommunenummer,
            @Nullable String responseCentreId,
            @Nullable String password,
            @Nullable String oidcSubject) {

        NewAccount toNewAccount() {
            return new NewAccount(username, displayName, role, kommunenummer, responseCentreId, password, oidcSubject);
        }
    }
}
