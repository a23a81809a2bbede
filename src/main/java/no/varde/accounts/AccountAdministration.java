package no.varde.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import no.varde.registry.Municipalities;
import no.varde.registry.ResponseCentres;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration for the pages and the API. Every operation takes the acting administrator and
 * checks {@link AccountPermissions}; an account the administrator may not manage is reported as not found.
 */
@Service
public class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{2,64}");
    private static final Pattern SUBJECT = Pattern.compile("\\S{1,255}");

    private final UserAccounts accounts;
    private final Municipalities municipalities;
    private final ResponseCentres centres;
    private final PasswordEncoder encoder;

    AccountAdministration(
            UserAccounts accounts, Municipalities municipalities, ResponseCentres centres, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.municipalities = municipalities;
        this.centres = centres;
        this.encoder = encoder;
    }

    public List<UserAccount> visibleTo(VardeUser admin) {
        requireAdministrator(admin);
        if (admin.hasRole(Role.SYSTEM_ADMIN)) {
            return accounts.all();
        }
        return admin.kommunenummer() == null ? List.of() : accounts.withRoleIn(Role.HOME_CARE, admin.kommunenummer());
    }

    public UserAccount find(VardeUser admin, UUID id) {
        requireAdministrator(admin);
        return accounts.find(id)
                .filter(account -> AccountPermissions.mayManage(admin, account))
                .orElseThrow(() -> new NotFoundException("account", id));
    }

    @Transactional
    public UserAccount create(VardeUser admin, NewAccount request) {
        requireAdministrator(admin);
        List<FieldProblem> problems = new ArrayList<>();
        String username = trim(request.username()).toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            problems.add(AccountProblem.USERNAME_FORMAT.on("username"));
        } else if (accounts.findByUsername(username).isPresent()) {
            problems.add(AccountProblem.USERNAME_TAKEN.on("username"));
        }
        String displayName = trim(request.displayName());
        if (displayName.isEmpty() || displayName.length() > 200) {
            problems.add(AccountProblem.DISPLAY_NAME_BLANK.on("displayName"));
        }
        Role role = parseRole(request.role(), problems);
        List<Kommunenummer> kommuner = role == Role.TECHNICIAN
                ? technicianMunicipalities(trim(request.kommunenummer()), problems)
                : java.util.Optional.ofNullable(municipality(role, trim(request.kommunenummer()), problems)).stream()
                        .toList();
        Kommunenummer kommunenummer = kommuner.isEmpty() ? null : kommuner.getFirst();
        UUID centre = responseCentre(role, trim(request.responseCentreId()), problems);
        String password = request.password() == null ? "" : request.password();
        if (!password.isEmpty()) {
            problems.addAll(PasswordPolicy.check("password", password, username));
        }
        String subject = trim(request.oidcSubject());
        if (!subject.isEmpty()) {
            checkSubject(subject, null, problems);
        }
        if (password.isEmpty() && subject.isEmpty()) {
            problems.add(AccountProblem.NO_SIGN_IN_METHOD.on("password"));
        }
        if (problems.isEmpty() && role != null && !AccountPermissions.mayManage(admin, role, kommunenummer)) {
            problems.add(AccountProblem.ROLE_NOT_PERMITTED.on("role"));
        }
        if (!problems.isEmpty() || role == null) {
            throw new InvalidInputException("The account has invalid fields", problems);
        }
        UserAccount account = accounts.save(new UserAccount(
                UUID.randomUUID(),
                username,
                displayName,
                password.isEmpty() ? null : encoder.encode(password),
                subject.isEmpty() ? null : subject,
                role,
                kommunenummer,
                centre,
                true,
                java.util.Set.copyOf(kommuner)));
        log.info("{} created account {} ({})", admin.username(), account.username(), describe(account));
        return account;
    }

    @Transactional
    public UserAccount setEnabled(VardeUser admin, UUID id, boolean enabled) {
        UserAccount account = find(admin, id);
        if (!enabled && account.id().equals(admin.id())) {
            throw new InvalidInputException(
                    "You cannot disable your own account", List.of(AccountProblem.OWN_ACCOUNT_DISABLE.on("enabled")));
        }
        log.info("{} {} account {}", admin.username(), enabled ? "enabled" : "disabled", account.username());
        return accounts.save(account.withEnabled(enabled));
    }

    @Transactional
    public UserAccount setPassword(VardeUser admin, UUID id, @Nullable String password) {
        UserAccount account = find(admin, id);
        List<FieldProblem> problems =
                PasswordPolicy.check("password", password == null ? "" : password, account.username());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The password does not follow the password rules", problems);
        }
        log.info("{} set a new password for account {}", admin.username(), account.username());
        return accounts.save(account.withPasswordHash(encoder.encode(password)));
    }

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

    /** Sets the account's mobile number (for escalations by text message), or removes it when empty. */
    @Transactional
    public UserAccount setPhone(VardeUser admin, UUID id, @Nullable String phone) {
        UserAccount account = find(admin, id);
        String number = trim(phone).replace(" ", "");
        if (!number.isEmpty() && !PHONE.matcher(number).matches()) {
            throw InvalidInputException.of("phone", "must be a mobile number of 8 to 15 digits, e.g. +4791234567");
        }
        accounts.setPhone(account.id(), number.isEmpty() ? null : number);
        log.info("{} set the mobile number of account {}", admin.username(), account.username());
        return account;
    }

    /** Binds the account to an OpenID Connect subject, or removes the binding when the subject is empty. */
    @Transactional
    public UserAccount bindOidcSubject(VardeUser admin, UUID id, @Nullable String oidcSubject) {
        UserAccount account = find(admin, id);
        String subject = trim(oidcSubject);
        if (subject.isEmpty()) {
            log.info("{} removed the OpenID Connect binding of account {}", admin.username(), account.username());
            return accounts.save(account.withOidcSubject(null));
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkSubject(subject, account.id(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The OpenID Connect subject cannot be bound", problems);
        }
        log.info("{} bound account {} to OpenID Connect subject {}", admin.username(), account.username(), subject);
        return accounts.save(account.withOidcSubject(subject));
    }

    private static void requireAdministrator(VardeUser admin) {
        if (!AccountPermissions.mayAdminister(admin)) {
            throw new AccessDeniedException("VARDE-ACCT-0014: " + admin.role() + " may not administer accounts");
        }
    }

    private static @Nullable Role parseRole(@Nullable String value, List<FieldProblem> problems) {
        try {
            return Role.valueOf(trim(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(AccountProblem.ROLE_UNKNOWN.on("role"));
            return null;
        }
    }

    private @Nullable Kommunenummer municipality(@Nullable Role role, String value, List<FieldProblem> problems) {
        if (role == null) {
            return null;
        }
        if (!role.isMunicipal()) {
            if (!value.isEmpty()) {
                problems.add(AccountProblem.MUNICIPALITY_NOT_ALLOWED.on("kommunenummer"));
            }
            return null;
        }
        if (!Kommunenummer.isValid(value) || !municipalities.exists(Kommunenummer.of(value))) {
            problems.add(AccountProblem.MUNICIPALITY_REQUIRED.on("kommunenummer"));
            return null;
        }
        return Kommunenummer.of(value);
    }

    /** A technician's municipalities: one or several numbers, separated by commas or spaces; the first is theirs. */
    private List<Kommunenummer> technicianMunicipalities(String value, List<FieldProblem> problems) {
        List<Kommunenummer> kommuner = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!Kommunenummer.isValid(part) || !municipalities.exists(Kommunenummer.of(part))) {
                problems.add(AccountProblem.MUNICIPALITY_REQUIRED.on("kommunenummer"));
                return List.of();
            }
            if (!kommuner.contains(Kommunenummer.of(part))) {
                kommuner.add(Kommunenummer.of(part));
            }
        }
        if (kommuner.isEmpty()) {
            problems.add(AccountProblem.MUNICIPALITY_REQUIRED.on("kommunenummer"));
        }
        return kommuner;
    }

    private @Nullable UUID responseCentre(@Nullable Role role, String value, List<FieldProblem> problems) {
        if (role == null) {
            return null;
        }
        if (!role.handlesAlarms()) {
            if (!value.isEmpty()) {
                problems.add(AccountProblem.RESPONSE_CENTRE_NOT_ALLOWED.on("responseCentreId"));
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (centres.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below like an unknown centre
        }
        problems.add(AccountProblem.RESPONSE_CENTRE_REQUIRED.on("responseCentreId"));
        return null;
    }

    private void checkSubject(String subject, @Nullable UUID owner, List<FieldProblem> problems) {
        if (!SUBJECT.matcher(subject).matches()) {
            problems.add(AccountProblem.OIDC_SUBJECT_FORMAT.on("oidcSubject"));
            return;
        }
        accounts.findByOidcSubject(subject)
                .filter(bound -> !bound.id().equals(owner))
                .ifPresent(bound -> problems.add(AccountProblem.OIDC_SUBJECT_TAKEN.on("oidcSubject")));
    }

    private static String describe(UserAccount account) {
        if (account.kommunenummer() != null) {
            return account.role() + " " + account.kommuner();
        }
        return account.responseCentreId() != null
                ? account.role() + " centre " + account.responseCentreId()
                : account.role().name();
    }

    private static String trim(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
