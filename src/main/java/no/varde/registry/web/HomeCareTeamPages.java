package no.varde.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.varde.registry.AccessScopes;
import no.varde.registry.CalloutContact;
import no.varde.registry.HomeCareTeam;
import no.varde.registry.HomeCareTeams;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Home-care teams and their call-out chains: readable within need-to-know (the municipality's users, the response
 * centre serving it, system admins), edited by the municipality's admin.
 */
@Controller
@RequestMapping("/home-care-teams")
class HomeCareTeamPages {

    private static final int CHAIN_ROWS = 5;

    private final HomeCareTeams teams;
    private final Municipalities municipalities;
    private final AccessScopes scopes;

    HomeCareTeamPages(HomeCareTeams teams, Municipalities municipalities, AccessScopes scopes) {
        this.teams = teams;
        this.municipalities = municipalities;
        this.scopes = scopes;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", teams.visibleIn(scopes.current()));
        model.addAttribute("names", municipalities.namesByNumber());
        return "registry/teams";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        HomeCareTeam team =
                teams.find(scopes.current(), id).orElseThrow(() -> new NotFoundException("home-care team", id));
        model.addAttribute("team", team);
        model.addAttribute(
                "municipalityName",
                municipalities.namesByNumber().get(team.kommunenummer().value()));
        model.addAttribute("mayEdit", mayEdit(team));
        return "registry/team";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        HomeCareTeam team =
                teams.find(scopes.current(), id).orElseThrow(() -> new NotFoundException("home-care team", id));
        requireEdit(team);
        return form(model, TeamForm.of(team), List.of());
    }

    @PostMapping("/{id}/edit")
    String save(@PathVariable UUID id, @ModelAttribute TeamForm form, Model model, RedirectAttributes redirect) {
        HomeCareTeam existing =
                teams.find(scopes.current(), id).orElseThrow(() -> new NotFoundException("home-care team", id));
        requireEdit(existing);
        try {
            teams.save(new HomeCareTeam(
                    id, existing.kommunenummer(), form.name(), form.phone(), form.notes(), form.filledChain()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/home-care-teams/" + id;
        } catch (InvalidInputException e) {
            return form(model, form, e.problems());
        }
    }

    private String form(Model model, TeamForm form, List<FieldProblem> problems) {
        model.addAttribute("form", form.withRows());
        model.addAttribute("problems", problems);
        return "registry/team-form";
    }

    private boolean mayEdit(HomeCareTeam team) {
        VardeUser user = CurrentUser.get();
        return user.role() == Role.SYSTEM_ADMIN
                || user.role() == Role.MUNICIPAL_ADMIN && scopes.forUser(user).allows(team.kommunenummer());
    }

    private void requireEdit(HomeCareTeam team) {
        if (!mayEdit(team)) {
            throw new AccessDeniedException("only the municipality's admin may change its home-care team");
        }
    }

    record TeamForm(
            @Nullable String name,
            @Nullable String phone,
            @Nullable String notes,
            @Nullable List<ContactRow> chain) {

        record ContactRow(
                @Nullable String name,
                @Nullable String roleTitle,
                @Nullable String phone) {}

        static TeamForm of(HomeCareTeam team) {
            return new TeamForm(
                    team.name(),
                    team.phone(),
                    team.notes(),
                    team.calloutChain().stream()
                            .map(c -> new ContactRow(c.name(), c.roleTitle(), c.phone()))
                            .toList());
        }

        TeamForm withRows() {
            List<ContactRow> rows = new ArrayList<>(chain == null ? List.of() : chain);
            while (rows.size() < CHAIN_ROWS) {
                rows.add(new ContactRow(null, null, null));
            }
            return new TeamForm(name, phone, notes, rows);
        }

        List<CalloutContact> filledChain() {
            List<CalloutContact> result = new ArrayList<>();
            for (ContactRow row : chain == null ? List.<ContactRow>of() : chain) {
                if (row != null && !(blank(row.name()) && blank(row.phone()))) {
                    result.add(new CalloutContact(
                            result.size() + 1,
                            row.name() == null ? "" : row.name(),
                            row.roleTitle(),
                            row.phone() == null ? "" : row.phone()));
                }
            }
            return result;
        }

        private static boolean blank(@Nullable String s) {
            return s == null || s.isBlank();
        }
    }
}
