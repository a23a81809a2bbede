package no.varde.journal.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.varde.journal.JournalEndpoint;
import no.varde.journal.JournalEndpoints;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each municipality's VKP endpoint, organisation number, on/off switch and HelseID client (system admins). */
@Controller
@RequestMapping("/journal/endpoints")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class JournalEndpointPages {

    private final JournalEndpoints endpoints;
    private final Municipalities municipalities;

    JournalEndpointPages(JournalEndpoints endpoints, Municipalities municipalities) {
        this.endpoints = endpoints;
        this.municipalities = municipalities;
    }

    @GetMapping
    String list(Model model) {
        Map<String, JournalEndpoint> configured = new HashMap<>();
        endpoints.all().forEach(e -> configured.put(e.kommunenummer().value(), e));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("configured", configured);
        return "journal/endpoints";
    }

    @GetMapping("/{kommunenummer}")
    String edit(@PathVariable Kommunenummer kommunenummer, Model model) {
        Municipality municipality = municipality(kommunenummer);
        EndpointForm form = endpoints
                .find(municipality.kommunenummer())
                .map(EndpointForm::of)
                .orElse(new EndpointForm(false, "", "", "", "", "", "nhn:vkp/api/user/bundle.write"));
        return form(model, municipality, form, List.of());
    }

    @PostMapping("/{kommunenummer}")
    String save(
            @PathVariable Kommunenummer kommunenummer,
            @ModelAttribute EndpointForm form,
            Model model,
            RedirectAttributes redirect) {
        Municipality municipality = municipality(kommunenummer);
        List<FieldProblem> problems = form.validate();
        if (!problems.isEmpty()) {
            return form(model, municipality, form, problems);
        }
        endpoints.save(form.toEndpoint(municipality.kommunenummer()));
        redirect.addFlashAttribute("saved", municipality.name());
        return "redirect:/journal/endpoints";
    }

    private String form(Model model, Municipality municipality, EndpointForm form, List<FieldProblem> problems) {
        model.addAttribute("municipality", municipality);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "journal/endpoint-form";
    }

    private Municipality municipality(Kommunenummer kommunenummer) {
        return municipalities
                .find(kommunenummer)
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer));
    }

    record EndpointForm(
            boolean enabled,
            @Nullable String baseUrl,
            @Nullable String organisationNumber,
            @Nullable String clientId,
            @Nullable String tokenEndpoint,
            @Nullable String privateKey,
            @Nullable String scope) {

        static EndpointForm of(JournalEndpoint e) {
            return new EndpointForm(
                    e.enabled(),
                    e.baseUrl().toString(),
                    e.organisationNumber(),
                    e.clientId(),
                    e.tokenEndpoint().toString(),
                    e.privateKey(),
                    e.scope());
        }

        List<FieldProblem> validate() {
            List<FieldProblem> problems = new ArrayList<>();
            url(problems, "baseUrl", baseUrl);
            url(problems, "tokenEndpoint", tokenEndpoint);
            if (organisationNumber == null || !organisationNumber.strip().matches("\\d{9}")) {
                problems.add(new FieldProblem("organisationNumber", "must be the 9-digit organisation number"));
            }
            if (clientId == null || clientId.isBlank()) {
                problems.add(new FieldProblem("clientId", "must not be blank"));
            }
            if (privateKey == null || !(privateKey.startsWith("file:") || privateKey.startsWith("classpath:"))) {
                problems.add(new FieldProblem(
                        "privateKey", "must reference the PEM key as file:… or classpath:…, never hold the key"));
            }
            if (scope == null || scope.isBlank()) {
                problems.add(new FieldProblem("scope", "must not be blank"));
            }
            return problems;
        }

        JournalEndpoint toEndpoint(Kommunenummer kommunenummer) {
            return new JournalEndpoint(
                    kommunenummer,
                    enabled,
                    URI.create(baseUrl.strip()),
                    organisationNumber.strip(),
                    clientId.strip(),
                    URI.create(tokenEndpoint.strip()),
                    privateKey.strip(),
                    scope.strip());
        }

        private static void url(List<FieldProblem> problems, String field, @Nullable String value) {
            try {
                URI uri = URI.create(value == null ? "" : value.strip());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(new FieldProblem(field, "must be an absolute http(s) URL"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "must be an absolute http(s) URL"));
            }
        }
    }
}
