package no.varde.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The ingest endpoint authenticates integrations, not people: {@code Authorization: Bearer <token>} with the
 * per-integration token a system admin created. Stateless; 401 answers are problem details.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

    static final String ROLE = "ROLE_INTEGRATION";

    @Bean
    @Order(1)
    SecurityFilterChain ingestSecurity(HttpSecurity http, Integrations integrations) throws Exception {
        return http.securityMatcher("/api/v1/events", "/api/v1/events/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ROLE))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // a request that also carries a signed-in user's session cookie must leave that session
                        // alone (the default strategy changed its id, and the user's other requests got 401)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterBefore(new TokenFilter(integrations), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(401);
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"Varde ingest\"");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter()
                            .write("{\"type\":\"https://varde.no/problems/unauthorized\",\"title\":\"Unauthorized\","
                                    + "\"status\":401,\"detail\":\"VARDE-INGEST-0001: send Authorization: Bearer"
                                    + " <integration token>; the token is missing, wrong or disabled\"}");
                }))
                .build();
    }

    private static final class TokenFilter extends OncePerRequestFilter {

        private final Integrations integrations;

        TokenFilter(Integrations integrations) {
            this.integrations = integrations;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                integrations.authenticate(header.substring(7).strip()).ifPresent(integration -> {
                    var principal = new IntegrationPrincipal(integration.id(), integration.name());
                    SecurityContextHolder.getContext()
                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    principal, null, List.of(new SimpleGrantedAuthority(ROLE))));
                });
            }
            chain.doFilter(request, response);
        }
    }
}
