package no.varde.accounts.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.varde.accounts.AccountAdministration;
import no.varde.accounts.NewAccount;
import no.varde.accounts.UserAccount;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Account administration over REST for system administrators; errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1/accounts")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AccountApi {

    private final AccountAdministration administration;

    AccountApi(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<AccountResource> list() {
        return administration.visibleTo(CurrentUser.get()).stream()
                .map(AccountResource::of)
                .toList();
    }

    @GetMapping("/{id}")
    AccountResource show(@PathVariable UUID id) {
        return AccountResource.of(administration.find(CurrentUser.get(), id));
    }

    @PostMapping
    ResponseEntity<AccountResource> create(@RequestBody NewAccount request) {
        UserAccount account = administration.create(CurrentUser.get(), request);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
                .body(AccountResource.of(account));
    }

    @PutMapping("/{id}/enabled")
    AccountResource enable(@PathVariable UUID id, @RequestBody EnabledRequest request) {
        if (request.enabled() == null) {
            throw InvalidInputException.of("enabled", "must be true or false");
        }
        return AccountResource.of(administration.setEnabled(CurrentUser.get(), id, request.enabled()));
    }

    @PutMapping("/{id}/password")
    ResponseEntity<Void> password(@PathVariable UUID id, @RequestBody PasswordRequest request) {
        administration.setPassword(CurrentUser.get(), id, request.password());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/oidc-subject")
    AccountResource bind(@PathVariable UUID id, @RequestBody OidcSubjectRequest request) {
        if (request.subject() == null || request.subject().isBlank()) {
            throw InvalidInputException.of("subject", "must not be blank; DELETE removes the binding");
        }
        return AccountResource.of(administration.bindOidcSubject(CurrentUser.get(), id, request.subject()));
    }

    @DeleteMapping("/{id}/oidc-subject")
    AccountResource unbind(@PathVariable UUID id) {
        return AccountResource.of(administration.bindOidcSubject(CurrentUser.get(), id, null));
    }

    @PutMapping("/{id}/phone")
    AccountResource phone(@PathVariable UUID id, @RequestBody PhoneRequest request) {
        return AccountResource.of(administration.setPhone(CurrentUser.get(), id, request.phone()));
    }

    /** The mobile number escalations (overdue technician tasks) are texted to; empty or null removes it. */
    record PhoneRequest(@Nullable String phone) {}

    record EnabledRequest(@Nullable Boolean enabled) {}

    record PasswordRequest(@Nullable String password) {}

    record OidcSubjectRequest(@Nullable String subject) {}

    /** An account as the API shows it: never the password hash. */
    record AccountResource(
            UUID id,
            String username,
            String displayName,
            String role,
            @Nullable String kommunenummer,
            java.util.List<String> kommuner,
            @Nullable UUID responseCentreId,
            boolean enabled,
            boolean hasPassword,
            @Nullable String oidcSubject) {

        static AccountResource of(UserAccount account) {
            return new AccountResource(
                    account.id(),
                    account.username(),
                    account.displayName(),
                    account.role().name(),
                    account.kommunenummer() == null
                            ? null
                            : account.kommunenummer().value(),
                    account.kommuner().stream()
                            .map(no.varde.shared.Kommunenummer::value)
                            .toList(),
                    account.responseCentreId(),
                    account.enabled(),
                    account.hasPassword(),
                    account.oidcSubject());
        }
    }
}
