package no.varde.accounts.web;

import no.varde.accounts.StaffSessions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The keep-alive an open console page calls: a request in the session is all it takes to restart the idle
 * timer. Signed-out (expired) sessions get 401 like any other htmx request, and the page reloads to the login.
 */
@RestController
class SessionKeepAlive {

    @GetMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }

    /** Tells the pages how often to call it ({@code keepAliveSeconds}). */
    @ControllerAdvice
    static class Interval {

        private final StaffSessions sessions;

        Interval(StaffSessions sessions) {
            this.sessions = sessions;
        }

        @ModelAttribute("keepAliveSeconds")
        long keepAliveSeconds() {
            return sessions.keepAliveSeconds();
        }
    }
}
