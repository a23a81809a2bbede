package no.varde.dispatch.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.AlarmActionRefused;
import no.varde.dispatch.CalloutId;
import no.varde.dispatch.callout.CalloutSteps;
import no.varde.dispatch.callout.LinkRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home-care worker's call-out page, reached without login through the signed link in the SMS. Opening
 * {@code /u/{token}} checks the token, keeps it in the browser's session and redirects to {@code /u/c/{id}}, so the
 * token is not repeated in later addresses, logs or the audit trail.
 */
@Controller
@RequestMapping("/u")
class CalloutPages {

    static final String SESSION_LINKS = "varde.dispatch.links";

    private final CalloutSteps steps;
    private final java.time.Clock clock;

    CalloutPages(CalloutSteps steps, java.time.Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @GetMapping("/{token}")
    String open(@PathVariable String token, HttpSession session) {
        CalloutId callout = steps.check(token);
        links(session).put(callout.value(), token);
        return "redirect:/u/c/" + callout;
    }

    @GetMapping("/c/{callout}")
    String page(@PathVariable CalloutId callout, HttpSession session, Model model) {
        model.addAttribute("page", steps.page(token(session, callout)));
        return "dispatch/callout";
    }

    @PostMapping("/c/{callout}/accept")
    String accept(@PathVariable CalloutId callout, HttpSession session, RedirectAttributes redirect) {
        return back(callout, steps.accept(token(session, callout)), redirect);
    }

    @PostMapping("/c/{callout}/decline")
    String decline(
            @PathVariable CalloutId callout,
            @RequestParam(required = false) @Nullable String reason,
            HttpSession session,
            RedirectAttributes redirect) {
        return back(callout, steps.decline(token(session, callout), reason), redirect);
    }

    @PostMapping("/c/{callout}/arrived")
    String arrived(@PathVariable CalloutId callout, HttpSession session, RedirectAttributes redirect) {
        return back(callout, steps.arrived(token(session, callout)), redirect);
    }

    /** After Done the link stops working, so the answer is the confirmation itself, with no personal data. */
    @PostMapping("/c/{callout}/done")
    String done(
            @PathVariable CalloutId callout,
            @RequestParam(required = false) @Nullable String note,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        String result = steps.done(token(session, callout), note);
        if (!"dispatch.flash.done".equals(result)) {
            return back(callout, result, redirect);
        }
        // the worker sees when it was recorded: Done is confirmed, not just accepted
        model.addAttribute(
                "doneAt",
                java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .format(clock.instant().atZone(java.time.ZoneId.of("Europe/Oslo"))));
        return "dispatch/callout-done";
    }

    @ExceptionHandler(LinkRefused.class)
    ModelAndView refused(LinkRefused e, HttpServletResponse response) {
        response.setStatus(e.gone() ? HttpStatus.GONE.value() : HttpStatus.FORBIDDEN.value());
        return new ModelAndView("dispatch/link-refused").addObject("messageKey", e.messageKey());
    }

    /** The alarm changed under the worker (the operator closed it, a colleague was faster): say so on the page. */
    @ExceptionHandler(AlarmActionRefused.class)
    ModelAndView conflict(HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return new ModelAndView("dispatch/link-refused").addObject("messageKey", "dispatch.flash.notPossible");
    }

    private static String back(CalloutId callout, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", messageKey);
        return "redirect:/u/c/" + callout;
    }

    private static String token(HttpSession session, CalloutId callout) {
        String token = links(session).get(callout.value());
        if (token == null) {
            throw LinkRefused.notInSession();
        }
        return token;
    }

    /** Opened links by call-out; keyed by the plain UUID so the session holds only serializable JDK types. */
    @SuppressWarnings("unchecked")
    private static Map<UUID, String> links(HttpSession session) {
        Object links = session.getAttribute(SESSION_LINKS);
        if (links instanceof Map<?, ?> map) {
            return (Map<UUID, String>) map;
        }
        Map<UUID, String> created = new HashMap<>();
        session.setAttribute(SESSION_LINKS, created);
        return created;
    }
}
