package no.varde.circle.web;

import jakarta.servlet.http.HttpServletResponse;
import no.varde.circle.CircleRefused;
import no.varde.circle.RelativeNotifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page a relative reaches from the link in their SMS: confirm that they got the message (if they were asked)
 * and withdraw their consent to SMS. No login; the signed link is the key, and the page shows nothing about the
 * resident beyond what the message said. Forged links get 403, expired ones 410.
 */
@Controller
@RequestMapping("/p/{token}")
class RelativeLinkPages {

    private final RelativeNotifications notifications;

    RelativeLinkPages(RelativeNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String page(@PathVariable String token, Model model) {
        model.addAttribute("page", notifications.linkPage(token));
        model.addAttribute("token", token);
        return "circle/relative-link";
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable String token, Model model) {
        notifications.confirm(token);
        model.addAttribute("done", "circle.link.confirmed");
        return page(token, model);
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String token, Model model) {
        notifications.withdrawByLink(token);
        model.addAttribute("done", "circle.link.withdrawn");
        return page(token, model);
    }

    @ExceptionHandler(RelativeNotifications.LinkInvalid.class)
    String invalid(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", "circle.link.invalid");
        return "circle/relative-link-refused";
    }

    @ExceptionHandler(RelativeNotifications.LinkExpired.class)
    String expired(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("reason", "circle.link.expired");
        return "circle/relative-link-refused";
    }

    @ExceptionHandler(CircleRefused.class)
    String refused(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("reason", "circle.link.notAsked");
        return "circle/relative-link-refused";
    }
}
