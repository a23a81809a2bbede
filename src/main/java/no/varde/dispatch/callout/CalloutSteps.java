package no.varde.dispatch.callout;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.varde.alarm.Actor;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmState;
import no.varde.alarm.Alarms;
import no.varde.alarm.TimelineKind;
import no.varde.dispatch.CalloutId;
import no.varde.dispatch.callout.CalloutLink.LinkReason;
import no.varde.dispatch.link.LinkCheck;
import no.varde.dispatch.link.LinkClaims;
import no.varde.dispatch.link.LinkSigner;
import no.varde.registry.AccessScope;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.security.SystemUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a home-care contact does through the signed link: open the call-out, accept, decline, report arrival and
 * completion. Every step locks the call-out row first and is idempotent: a second tap of the same button changes
 * nothing and answers as the first did. Each returns the message key of what to tell the worker.
 */
@Service
public class CalloutSteps {

    private final Callouts callouts;
    private final CalloutNotifications notifications;
    private final LinkSigner signer;
    private final Alarms alarms;
    private final Residents residents;
    private final no.varde.registry.ResponseCentres centres;
    private final no.varde.dispatch.DispatchProperties properties;
    private final Clock clock;

    CalloutSteps(
            Callouts callouts,
            CalloutNotifications notifications,
            LinkSigner signer,
            Alarms alarms,
            Residents residents,
            no.varde.registry.ResponseCentres centres,
            no.varde.dispatch.DispatchProperties properties,
            Clock clock) {
        this.callouts = callouts;
        this.notifications = notifications;
        this.signer = signer;
        this.alarms = alarms;
        this.residents = residents;
        this.centres = centres;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks the token; returns the call-out it opens, or throws {@link LinkRefused} saying why not. */
    @Transactional(readOnly = true)
    public CalloutId check(String token) {
        return resolve(token, false).callout().id();
    }

    /** The page for the token's contact; reading the resident is audited as that contact's read. */
    @Transactional
    public CalloutPage page(String token) {
        Access access = resolve(token, false);
        Callout callout = access.callout();
        callouts.opened(access.link().tokenId(), clock.instant());
        int position = access.link().position();
        boolean acceptedByYou = Integer.valueOf(position).equals(callout.acceptedPosition());
        boolean declinedByYou = access.link().declinedAt() != null;
        boolean mayAct = acceptedByYou || (callout.state().waitingForAcceptance() && !declinedByYou);
        Alarm alarm = access.alarm();
        CalloutPage.Visit visit = mayAct ? visit(alarm, access.contact()) : null;
        return new CalloutPage(
                callout.id(),
                alarm.title(),
                alarm.receivedAt(),
                callout.teamName(),
                access.contact().label(),
                callout.state(),
                mayAct,
                acceptedByYou,
                declinedByYou,
                callout.acceptedBy(),
                mayAct ? callout.message() : null,
                visit,
                centrePhone(callout));
    }

    /** The response centre serving the call-out's municipality, as the registry has it; else the configured one. */
    private @Nullable String centrePhone(Callout callout) {
        return centres.all().stream()
                .filter(c -> c.servedMunicipalities().contains(callout.kommunenummer()))
                .map(no.varde.registry.ResponseCentre::phone)
                .filter(phone -> phone != null && !phone.isBlank())
                .findFirst()
                .orElse(properties.responseCentrePhone());
    }

    private CalloutPage.Visit visit(Alarm alarm, ChainContact contact) {
        if (alarm.residentId() == null) {
            return new CalloutPage.Visit(null, null, null, null, alarm.deviceLabel(), null, null);
        }
        AtomicReference<Resident> read = new AtomicReference<>();
        SystemUser.runAs(
                "callout-link:" + contact.name(),
                no.varde.shared.security.Role.HOME_CARE,
                () -> read.set(residents.get(
                        AccessScope.all(),
                        alarm.residentId(),
                        "call-out page for " + contact.label() + ", alarm " + alarm.id())));
        Resident r = read.get();
        String address = r.streetAddress() + ", " + r.postalCode() + " " + r.postalPlace();
        return new CalloutPage.Visit(
                r.fullName(),
                address,
                r.entryMethod().name(),
                r.entryDetails(),
                alarm.deviceLabel(),
                r.phone(),
                properties.mapsSearchUrl()
                        + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Transactional
    public String accept(String token) {
        Access access = resolve(token, false);
        Callout callout = locked(access);
        int position = access.link().position();
        if (!callout.state().waitingForAcceptance()) {
            return Integer.valueOf(position).equals(callout.acceptedPosition())
                    ? "dispatch.flash.accepted"
                    : "dispatch.flash.takenByOther";
        }
        if (access.link().declinedAt() != null) {
            return "dispatch.flash.declined";
        }
        if (access.alarm().state() != AlarmState.DISPATCHED) {
            return "dispatch.flash.notPossible";
        }
        alarms.acceptDispatch(callout.alarmId(), actor(access));
        callouts.accepted(callout.id(), position, access.contact().label(), clock.instant());
        return "dispatch.flash.accepted";
    }

    @Transactional
    public String decline(String token, @Nullable String reason) {
        Access access = resolve(token, false);
        Callout callout = locked(access);
        if (access.link().declinedAt() != null) {
            return "dispatch.flash.declined";
        }
        if (!callout.state().waitingForAcceptance() || access.alarm().state() != AlarmState.DISPATCHED) {
            return "dispatch.flash.notPossible";
        }
        String why = freeText(reason);
        alarms.recordDispatchStep(callout.alarmId(), actor(access), TimelineKind.DISPATCH_DECLINED, why);
        callouts.declined(access.link().tokenId(), why, clock.instant());
        if (callout.position() == access.link().position()) {
            // the contact we are waiting for said no: do not wait for the deadline, ask the next one now
            notifications.notifyNext(callout, LinkReason.DECLINED, CalloutState.DECLINED);
        }
        return "dispatch.flash.declined";
    }

    @Transactional
    public String arrived(String token) {
        Access access = resolve(token, false);
        Callout callout = locked(access);
        if (!Integer.valueOf(access.link().position()).equals(callout.acceptedPosition())) {
            return "dispatch.flash.notPossible";
        }
        if (callout.state() != CalloutState.ACCEPTED) {
            return callout.state() == CalloutState.ARRIVED ? "dispatch.flash.arrived" : "dispatch.flash.notPossible";
        }
        alarms.recordDispatchStep(callout.alarmId(), actor(access), TimelineKind.ARRIVED, null);
        callouts.moved(callout.id(), CalloutState.ARRIVED, clock.instant());
        return "dispatch.flash.arrived";
    }

    /** Marks the call-out done; the link stops working, and the operator closes the alarm. */
    @Transactional
    public String done(String token, @Nullable String note) {
        Access access = resolve(token, true);
        Callout callout = locked(access);
        if (!Integer.valueOf(access.link().position()).equals(callout.acceptedPosition())) {
            return "dispatch.flash.notPossible";
        }
        if (callout.state() == CalloutState.DONE) {
            return "dispatch.flash.done";
        }
        if (callout.state() != CalloutState.ACCEPTED && callout.state() != CalloutState.ARRIVED) {
            return "dispatch.flash.notPossible";
        }
        String text = freeText(note);
        alarms.recordDispatchStep(callout.alarmId(), actor(access), TimelineKind.DISPATCH_DONE, text);
        callouts.moved(callout.id(), CalloutState.DONE, clock.instant());
        return "dispatch.flash.done";
    }

    /** The worker's own words for the timeline: trimmed, blank as none, at most 500 characters. */
    private static @Nullable String freeText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > 500 ? stripped.substring(0, 500) : stripped;
    }

    private static Actor actor(Access access) {
        return Actor.homeCare(access.contact().label());
    }

    private Callout locked(Access access) {
        return callouts.lock(access.callout().id()).orElseThrow(LinkRefused::invalid);
    }

    private Access resolve(String token, boolean doneAllowed) {
        LinkCheck check = signer.check(token, clock.instant());
        LinkClaims claims = switch (check) {
            case LinkCheck.Valid valid -> valid.claims();
            case LinkCheck.Expired expired -> throw new LinkRefused(true, "dispatch.link.expired");
            case LinkCheck.Tampered tampered -> throw LinkRefused.invalid();
        };
        CalloutLink link = callouts.link(claims.tokenId())
                .filter(l -> l.calloutId().equals(claims.calloutId()) && l.position() == claims.position())
                .orElseThrow(LinkRefused::invalid);
        // The row's expiry is the server's word: it can be shortened (a link withdrawn) after the token was signed.
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkRefused(true, "dispatch.link.expired");
        }
        Callout callout = callouts.find(claims.calloutId()).orElseThrow(LinkRefused::invalid);
        if (callout.state() == CalloutState.DONE && !doneAllowed) {
            throw new LinkRefused(true, "dispatch.link.done");
        }
        if (callout.state() == CalloutState.CANCELLED) {
            throw new LinkRefused(true, "dispatch.link.cancelled");
        }
        Alarm alarm = alarms.findForSystem(callout.alarmId()).orElseThrow(LinkRefused::invalid);
        if (alarm.state() == AlarmState.CLOSED && callout.state() != CalloutState.DONE) {
            throw new LinkRefused(true, "dispatch.link.closed");
        }
        Optional<ChainContact> contact = callouts.chain(callout.id()).stream()
                .filter(c -> c.position() == link.position())
                .findFirst();
        return new Access(callout, link, contact.orElseThrow(LinkRefused::invalid), alarm);
    }

    private record Access(Callout callout, CalloutLink link, ChainContact contact, Alarm alarm) {}
}
