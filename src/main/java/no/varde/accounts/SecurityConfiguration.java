package no.varde.accounts;

import com.nimbusds.jose.jwk.JWK;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.varde.shared.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The supervisor on duty may do all an operator may ({@code hasRole('OPERATOR')} holds for them); method
     * security picks this bean up.
     */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.SUPERVISOR.name())
                .implies(Role.OPERATOR.name())
                .build();
    }

    /** Argon2id for new passwords; older hashes keep working through their {id} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        return new DelegatingPasswordEncoder(
                current,
                Map.of(
                        current,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /**
     * Password sign-in for the pages and the API, behind the login throttle. As the only authentication provider
     * bean it becomes the global one that form login and HTTP Basic use.
     */
    @Bean
    ThrottledAuthenticationProvider passwordSignIn(
            LocalUserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(passwords(users, passwordEncoder), throttle);
    }

    private static DaoAuthenticationProvider passwords(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    /**
     * The actuator: health (with the liveness and readiness probes) is open for the proxy and the platform; the
     * rest, metrics included, needs HTTP Basic as the metrics scrape account or a system administrator.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            LocalUserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle)
            throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorizedProblem;
        UserDetailsService scrapers = MetricsAccount.withLocalAccounts(properties.metrics(), users, passwordEncoder);
        var manager = new ProviderManager(
                new ThrottledAuthenticationProvider(passwords(scrapers, passwordEncoder), throttle));
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(MetricsAccount.ROLE, Role.SYSTEM_ADMIN.name()))
                .authenticationManager(manager)
                .httpBasic(basic -> basic.realmName("Varde").authenticationEntryPoint(unauthorized))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // a request that also carries a signed-in user's session cookie must leave that session
                        // alone (the default strategy changed its id, and the user's other requests got 401)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .build();
    }

    /** The REST API: HTTP Basic for local accounts, no session, 401/403 as problem details. */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorizedProblem;
        return http.securityMatcher("/api/**")
                // the SMS provider's delivery reports carry a bearer token of their own (dispatch checks it)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/sms/delivery-reports")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the entry point also answers wrong credentials, not only missing ones
                .httpBasic(basic -> basic.realmName("Varde").authenticationEntryPoint(unauthorized))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // a request that also carries a signed-in user's session cookie must leave that session
                        // alone (the default strategy changed its id, and the user's other requests got 401)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .build();
    }

    private static void unauthorizedProblem(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof LoginLockedException locked) {
            lockedProblem(response, locked);
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Basic realm=\"Varde\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"https://varde.no/problems/unauthorized\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"Sign in with HTTP Basic (local account)\"}");
    }

    /** Too many failed sign-ins: 429 with Retry-After, so a client neither retries at once nor looks elsewhere. */
    private static void lockedProblem(HttpServletResponse response, LoginLockedException locked) throws IOException {
        long seconds =
                Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"https://varde.no/problems/sign-in-locked\",\"title\":\"Sign-in locked\","
                        + "\"status\":429,\"detail\":\"VARDE-ACCT-0040: sign-in is temporarily locked after too many"
                        + " failed attempts; try again in " + seconds + " seconds\",\"retryAfterSeconds\":" + seconds
                        + "}");
    }

    /** The web pages: form login, optionally "sign in with HelseID" (OpenID Connect). */
    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            UserAccounts accounts,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ResourceLoader resources,
            StaffSessions sessions,
            org.springframework.core.env.Environment environment)
            throws Exception {
        String imgSources = imgSources(environment.getProperty("varde.console.map.tile-url", ""));
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/u/**",
                                "/p/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/v3/api-docs/**",
                                "/api-docs.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(sessions.afterSignIn(new SavedRequestAwareAuthenticationSuccessHandler()))
                        .failureHandler(SecurityConfiguration::formLoginFailed))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src " + imgSources + "; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors 'none'")))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        request -> "true".equals(request.getHeader("HX-Request"))));
        if (properties.oidc().enabled()) {
            oidcLogin(http, properties.oidc(), accounts, registrations.getObject(), resources, sessions);
        }
        return http.build();
    }

    /**
     * The pages' image sources: our own, data URLs, and the origin of the alarm page's map tile server when one is
     * configured ({@code varde.console.map.tile-url}; a {@code {s}} subdomain becomes a wildcard).
     */
    static String imgSources(String tileUrl) {
        String sources = "'self' data:";
        java.util.regex.Matcher origin =
                java.util.regex.Pattern.compile("^(https?://)([^/?#]+)").matcher(tileUrl.strip());
        if (!origin.find()) {
            return sources;
        }
        String host = origin.group(2).replaceAll("\\{[^}]*}", "*");
        if (!host.matches("[A-Za-z0-9*.:-]+") || host.indexOf('*') > 0 && !host.startsWith("*.")) {
            return sources;
        }
        return sources + " " + origin.group(1) + host;
    }

    private static void formLoginFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String target = e instanceof LoginLockedException ? "/login?locked" : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }

    /**
     * "Sign in with HelseID": authorization code flow with PKCE, the client authenticating with a signed JWT
     * when the registration says {@code private_key_jwt}, and the identity bound to a Varde account.
     */
    private static void oidcLogin(
            HttpSecurity http,
            SecurityProperties.Oidc oidc,
            UserAccounts accounts,
            ClientRegistrationRepository registrations,
            ResourceLoader resources,
            StaffSessions sessions)
            throws Exception {
        ClientRegistration registration = registrations.findByRegistrationId(oidc.registrationId());
        if (registration == null) {
            throw new IllegalStateException("VARDE-ACCT-0032: varde.security.oidc.enabled is true but there is no"
                    + " spring.security.oauth2.client.registration." + oidc.registrationId() + " client");
        }
        JWK clientKey = null;
        if (OidcClientAuthentication.needsPrivateKey(registration)) {
            if (oidc.clientJwk() == null) {
                throw new IllegalStateException("VARDE-ACCT-0030: client-authentication-method private_key_jwt needs"
                        + " varde.security.oidc.client-jwk (the client's private JSON Web Key)");
            }
            clientKey = OidcClientAuthentication.loadPrivateKey(resources.getResource(oidc.clientJwk()));
        }
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var tokenClient = OidcClientAuthentication.tokenClient(clientKey);
        http.oauth2Login(oauth -> oauth.loginPage("/login")
                .successHandler(sessions.afterSignIn(new SavedRequestAwareAuthenticationSuccessHandler()))
                .failureUrl("/login?oidcError")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokenClient))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcAccountBinding(accounts, oidc))));
    }
}
