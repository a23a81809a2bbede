package no.varde.accounts.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.varde.accounts.UserAccount;
import no.varde.accounts.UserAccounts;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates one demo account per role (README lists them) and warns loudly that this is a development setup. */
@Component
@Order(20)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "varde-demo";
    static final String TECHNICIAN = "tekniker";
    /** A made-up demo number: the demo sends through the outbox only, never to a real gateway. */
    static final String ADMIN_PHONE = "+4799999913";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final ResponseCentres centres;
    private final PasswordEncoder encoder;

    DemoAccounts(UserAccounts accounts, ResponseCentres centres, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.centres = centres;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            UUID centre =
                    centres.all().stream().findFirst().map(ResponseCentre::id).orElse(null);
            String hash = encoder.encode(PASSWORD);
            List.of(
                            account("operator", "Ola Operatør", hash, Role.OPERATOR, null, centre),
                            account("operator2", "Oda Operatør", hash, Role.OPERATOR, null, centre),
                            account("supervisor", "Vera Vaktleder", hash, Role.SUPERVISOR, null, centre),
                            account(
                                    "hjemme.bronnoy",
                                    "Hanne Hjemmetjeneste (Brønnøy)",
                                    hash,
                                    Role.HOME_CARE,
                                    "1813",
                                    null),
                            account("hjemme.rana", "Rune Hjemmetjeneste (Rana)", hash, Role.HOME_CARE, "1833", null),
                            account("admin.bronnoy", "Anne Admin (Brønnøy)", hash, Role.MUNICIPAL_ADMIN, "1813", null),
                            technician(hash),
                            account("analytiker", "Arne Analytiker", hash, Role.REGION_ANALYST, null, null),
                            account("sysadmin", "Siri Systemadmin", hash, Role.SYSTEM_ADMIN, null, null))
                    .forEach(accounts::save);
            log.info("Demo accounts created (password '{}'); see README.md", PASSWORD);
        } else if (accounts.findByUsername("supervisor").isEmpty()) {
            // a demo database made before the supervisor role existed gets the supervisor too
            UUID centre =
                    centres.all().stream().findFirst().map(ResponseCentre::id).orElse(null);
            if (centre != null) {
                accounts.save(account(
                        "supervisor", "Vera Vaktleder", encoder.encode(PASSWORD), Role.SUPERVISOR, null, centre));
            }
        }
        if (accounts.findByUsername(TECHNICIAN).isEmpty()) {
            // a demo database made before the technician role existed gets the technician too
            accounts.save(technician(encoder.encode(PASSWORD)));
        }
        // escalations of overdue technician tasks are texted to the municipal admin (the outbox page shows them)
        accounts.findByUsername("admin.bronnoy")
                .filter(admin -> accounts.phone(admin.id()).isEmpty())
                .ifPresent(admin -> accounts.setPhone(admin.id(), ADMIN_PHONE));
        log.warn("DEVELOPMENT SETUP: demo accounts with a published password, a local encryption key in ./data"
                + " and synthetic residents. Never use this configuration for real residents.");
    }

    /** Tore Tekniker maintains the technology of Rana (his first municipality) and Vefsn. */
    private static UserAccount technician(String hash) {
        UserAccount account = account(TECHNICIAN, "Tore Tekniker (Rana, Vefsn)", hash, Role.TECHNICIAN, "1833", null);
        return new UserAccount(
                account.id(),
                account.username(),
                account.displayName(),
                account.passwordHash(),
                null,
                Role.TECHNICIAN,
                account.kommunenummer(),
                null,
                true,
                java.util.Set.of(Kommunenummer.of("1833"), Kommunenummer.of("1824")));
    }

    private static UserAccount account(
            String username,
            String name,
            String hash,
            Role role,
            @Nullable String kommunenummer,
            @Nullable UUID centre) {
        return new UserAccount(
                UUID.nameUUIDFromBytes(("account-" + username).getBytes(StandardCharsets.UTF_8)),
                username,
                name,
                hash,
                null,
                role,
                kommunenummer == null ? null : Kommunenummer.of(kommunenummer),
                centre,
                true);
    }
}
