package no.varde.circle;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScopes;
import no.varde.registry.Relative;
import no.varde.registry.RelativeSmsConsentDeclared;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff record and withdraw relatives' consent to SMS and the resident's contact windows, within their
 * need-to-know scope; every change is audited with who and when.
 */
@Service
public class ConsentRecords {

    private final Residents residents;
    private final AccessScopes scopes;
    private final Consents consents;
    private final ContactWindows windows;
    private final RelativeNotifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    ConsentRecords(
            Residents residents,
            AccessScopes scopes,
            Consents consents,
            ContactWindows windows,
            RelativeNotifications notifications,
            AuditLog audit,
            Clock clock) {
        this.residents = residents;
        this.scopes = scopes;
        this.consents = consents;
        this.windows = windows;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The resident's relatives with consent and window, and every consent ever recorded (audited read). */
    public record Circle(Resident resident, List<CircleRelative> relatives, List<Consent> history) {}

    @Transactional
    public Circle circle(VardeUser user, ResidentId id) {
        // a panel of the resident card, loaded with it and again after each change: audited by the audit rule
        Resident resident = residents.getShown(scopes.forUser(user), id, "relatives' SMS consent and contact windows");
        return new Circle(resident, notifications.relatives(resident), consents.history(id));
    }

    /** Records the relative's consent to SMS as given now and entered by {@code user}. */
    @Transactional
    public Circle grant(VardeUser user, ResidentId id, int priority) {
        Resident resident = residents.get(scopes.forUser(user), id, "record a relative's SMS consent");
        Relative relative = relative(resident, priority);
        if (consents.grant(
                id,
                RelativeNotifications.phoneKey(relative.phone()),
                relative.name(),
                user.username(),
                clock.instant())) {
            audit.resident(
                    AuditAction.UPDATE,
                    id.value(),
                    resident.kommunenummer(),
                    "SMS consent of relative " + relative.name() + " recorded");
        }
        return circle(user, id);
    }

    /**
     * Records a consent declared when the resident was registered or updated (API, CSV import), in the registering
     * transaction, as entered by the signed-in user. A relative who already consented keeps the first record.
     */
    @EventListener
    void declared(RelativeSmsConsentDeclared declared) {
        if (consents.grant(
                declared.residentId(),
                RelativeNotifications.phoneKey(declared.phone()),
                declared.relativeName(),
                CurrentUser.get().username(),
                clock.instant())) {
            audit.resident(
                    AuditAction.UPDATE,
                    declared.residentId().value(),
                    declared.kommunenummer(),
                    "SMS consent of relative " + declared.relativeName() + " recorded (declared at registration)");
        }
    }

    @Transactional
    public Circle withdraw(VardeUser user, ResidentId id, int priority) {
        Resident resident = residents.get(scopes.forUser(user), id, "withdraw a relative's SMS consent");
        Relative relative = relative(resident, priority);
        if (consents.withdraw(
                id, RelativeNotifications.phoneKey(relative.phone()), user.username(), "STAFF", clock.instant())) {
            audit.resident(
                    AuditAction.UPDATE,
                    id.value(),
                    resident.kommunenummer(),
                    "SMS consent of relative " + relative.name() + " withdrawn by staff");
        }
        return circle(user, id);
    }

    /** Sets (or with null times clears) the hours the resident does not want this relative contacted. */
    @Transactional
    public Circle contactWindow(
            VardeUser user,
            ResidentId id,
            int priority,
            @Nullable LocalTime notFrom,
            @Nullable LocalTime notUntil,
            @Nullable String note) {
        Resident resident = residents.get(scopes.forUser(user), id, "set a relative's contact window");
        Relative relative = relative(resident, priority);
        ContactWindow window = null;
        if (notFrom != null || notUntil != null) {
            if (notFrom == null || notUntil == null) {
                throw InvalidInputException.of(
                        notFrom == null ? "notFrom" : "notUntil", "give both times, or neither to remove the window");
            }
            if (notFrom.equals(notUntil)) {
                throw InvalidInputException.of("notUntil", "must differ from notFrom");
            }
            String trimmed = note == null || note.isBlank() ? null : note.strip();
            if (trimmed != null && trimmed.length() > 200) {
                throw InvalidInputException.of("note", "at most 200 characters");
            }
            window = new ContactWindow(notFrom, notUntil, trimmed);
        }
        windows.set(id, RelativeNotifications.phoneKey(relative.phone()), window, user.username(), clock.instant());
        audit.resident(
                AuditAction.UPDATE,
                id.value(),
                resident.kommunenummer(),
                "contact window of relative " + relative.name()
                        + (window == null ? " removed" : " set to " + window.label()));
        return circle(user, id);
    }

    private static Relative relative(Resident resident, int priority) {
        return resident.relatives().stream()
                .filter(r -> r.priority() == priority)
                .findFirst()
                .orElseThrow(() ->
                        InvalidInputException.of("priority", "the resident has no relative with priority " + priority));
    }
}
