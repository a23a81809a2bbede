package no.varde.accounts;

import com.nimbusds.jose.jwk.JWK;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
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
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

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

    /** The REST API: HTTP Basic for local accounts, no session, 401/403 as problem details. */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorizedProblem;
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // the entry point also answers wrong credentials, not only missing ones
                .httpBasic(basic -> basic.realmName("Varde").authenticationEntryPoint(unauthorized))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .build();
    }

    private static void unauthorizedProblem(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Basic realm=\"Varde\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"https://varde.no/problems/unauthorized\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"Sign in with HTTP Basic (local account)\"}");
    }

    /** The web pages: form login, optionally "sign in with HelseID" (OpenID Connect). */
    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            UserAccounts accounts,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ResourceLoader resources)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/api-docs.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors 'none'")))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        request -> "true".equals(request.getHeader("HX-Request"))));
        if (properties.oidc().enabled()) {
            oidcLogin(http, properties.oidc(), accounts, registrations.getObject(), resources);
        }
        return http.build();
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
            ResourceLoader resources)
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
                .defaultSuccessUrl("/", false)
                .failureUrl("/login?oidcError")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokenClient))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcAccountBinding(accounts, oidc))));
    }
}
