package no.varde.accounts;

import org.jspecify.annotations.Nullable;

/**
 * An account an administrator asks to create, as typed in a form or sent to the API; every field is checked
 * by {@link AccountAdministration#create}.
 *
 * @param kommunenummer required for HOME_CARE and MUNICIPAL_ADMIN, empty for other roles
 * @param responseCentreId required for OPERATOR, empty for other roles
 * @param password a local password, or empty for an account that signs in only with OpenID Connect
 * @param oidcSubject the OpenID Connect subject ({@code sub}) to bind, or empty
 */
public record NewAccount(
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String role,
        @Nullable String kommunenummer,
        @Nullable String responseCentreId,
        @Nullable String password,
        @Nullable String oidcSubject) {}
