package no.varde.registry.web;

import java.util.stream.Collectors;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Municipalities municipalities;
    private final AccessScopes scopes;

    HomeController(Municipalities municipalities, AccessScopes scopes) {
        this.municipalities = municipalities;
        this.scopes = scopes;
    }

    @GetMapping("/")
    String home(Model model) {
        AccessScope scope = scopes.current();
        var all = municipalities.all();
        model.addAttribute("municipalityCount", all.size());
        model.addAttribute(
                "population", all.stream().mapToInt(Municipality::population).sum());
        model.addAttribute("scopeAll", scope.everything());
        model.addAttribute("scopeNone", scope.isEmpty());
        model.addAttribute(
                "scopeNames",
                all.stream()
                        .filter(m -> !scope.everything() && scope.allows(m.kommunenummer()))
                        .map(Municipality::name)
                        .collect(Collectors.joining(", ")));
        return "registry/home";
    }
}
