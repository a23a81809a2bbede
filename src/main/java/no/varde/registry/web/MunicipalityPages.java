package no.varde.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import no.varde.registry.AccessScopes;
import no.varde.registry.HomeCareTeams;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/municipalities")
class MunicipalityPages {

    private final Municipalities municipalities;
    private final HomeCareTeams teams;
    private final AccessScopes scopes;

    MunicipalityPages(Municipalities municipalities, HomeCareTeams teams, AccessScopes scopes) {
        this.municipalities = municipalities;
        this.teams = teams;
        this.scopes = scopes;
    }

    @GetMapping
    String list(Model model) {
        var all = municipalities.all();
        model.addAttribute("municipalities", all);
        model.addAttribute(
                "total", all.stream().mapToInt(Municipality::population).sum());
        return "registry/municipalities";
    }

    @GetMapping("/{kommunenummer}")
    String show(@PathVariable String kommunenummer, Model model) {
        Municipality municipality = find(kommunenummer);
        model.addAttribute("municipality", municipality);
        model.addAttribute(
                "teams",
                scopes.current().allows(municipality.kommunenummer())
                        ? teams.ofMunicipality(municipality.kommunenummer())
                        : java.util.List.of());
        return "registry/municipality";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(Model model) {
        model.addAttribute("form", new MunicipalityForm(null, null, null));
        model.addAttribute("creating", true);
        return "registry/municipality-form";
    }

    @GetMapping("/{kommunenummer}/edit")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String edit(@PathVariable String kommunenummer, Model model) {
        Municipality m = find(kommunenummer);
        model.addAttribute("form", new MunicipalityForm(m.kommunenummer().value(), m.name(), m.population()));
        model.addAttribute("creating", false);
        return "registry/municipality-form";
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String save(
            @Valid @ModelAttribute("form") MunicipalityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("creating", true);
            return "registry/municipality-form";
        }
        municipalities.save(new Municipality(Kommunenummer.of(form.kommunenummer()), form.name(), form.population()));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/municipalities/" + form.kommunenummer();
    }

    private Municipality find(String kommunenummer) {
        if (!Kommunenummer.isValid(kommunenummer)) {
            throw new NotFoundException("municipality", kommunenummer);
        }
        return municipalities
                .find(Kommunenummer.of(kommunenummer))
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer));
    }

    record MunicipalityForm(
            @NotBlank @Pattern(regexp = "\\d{4}", message = "{validation.kommunenummer}")
            String kommunenummer,

            @NotBlank String name,
            @NotNull @Min(0) Integer population) {}
}
