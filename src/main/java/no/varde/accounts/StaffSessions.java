package no.varde.accounts;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * A signed-in user's session ends after {@code varde.security.session.idle-timeout} without a request (30
 * minutes by default). Only signed-in sessions get it: the session a home-care worker's call-out link opens on
 * the phone keeps the server's longer default, since a call-out can take hours. Open console pages send a
 * keep-alive request ({@code /session/keep-alive}) so an operator watching the queue stays signed in.
 */
@Component
public class StaffSessions {

    private final SecurityProperties.Session settings;

    StaffSessions(SecurityProperties properties) {
        this.settings = properties.session();
    }

    AuthenticationSuccessHandler afterSignIn(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(true);
            session.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** How often an open console page should call the keep-alive endpoint. */
    public long keepAliveSeconds() {
        return settings.keepAliveInterval().toSeconds();
    }
}
