package no.varde.accounts.web;

import no.varde.accounts.SecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final SecurityProperties properties;

    LoginController(SecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcEnabled", properties.oidc().enabled());
        model.addAttribute("oidcRegistration", properties.oidc().registrationId());
        model.addAttribute("lockMinutes", properties.login().lockDuration().toMinutes());
        return "accounts/login";
    }
}
