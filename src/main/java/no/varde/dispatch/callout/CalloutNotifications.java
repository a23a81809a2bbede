package no.varde.dispatch.callout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.varde.alarm.Alarm;
import no.varde.alarm.Alarms;
import no.varde.alarm.CalloutTimeline;
import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.callout.CalloutLink.LinkReason;
import no.varde.dispatch.link.LinkClaims;
import no.varde.dispatch.link.LinkSigner;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.registry.AccessScope;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.security.SystemUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies one contact of a call-out's chain: a new signed link, an SMS with the least the worker needs to decide
 * (alarm type and address, never a national id) and the link, and a DISPATCH_NOTIFIED entry on the alarm's
 * timeline, all in the caller's transaction.
 */
@Service
class CalloutNotifications {

    private final Callouts callouts;
    private final LinkSigner signer;
    private final SmsDelivery sms;
    private final Alarms alarms;
    private final CalloutTimeline timeline;
    private final Residents residents;
    private final DispatchProperties properties;
    private final Clock clock;

    CalloutNotifications(
            Callouts callouts,
            LinkSigner signer,
            SmsDelivery sms,
            Alarms alarms,
            CalloutTimeline timeline,
            Residents residents,
            DispatchProperties properties,
            Clock clock) {
        this.callouts = callouts;
        this.signer = signer;
        this.sms = sms;
        this.alarms = alarms;
        this.timeline = timeline;
        this.residents = residents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void notify(Callout callout, ChainContact contact, int round, LinkReason reason, CalloutState state) {
        Instant now = clock.instant();
        UUID tokenId = UUID.randomUUID();
        Instant expires = now.plus(properties.linkValidity());
        callouts.insertLink(
                new CalloutLink(tokenId, callout.id(), contact.position(), reason, now, expires, null, null, null));
        callouts.notified(callout.id(), contact.position(), tokenId, round, state, now);
        String link = properties.baseUrl() + "/u/"
                + signer.sign(new LinkClaims(tokenId, callout.id(), contact.position(), expires));
        sms.queue(callout.id(), contact.label(), contact.phone(), text(callout, contact, link));
        alarms.recordDispatchNotified(
                callout.alarmId(), contact.label() + ", " + callout.teamName() + " (" + contact.phone() + ")", "SMS");
    }

    /**
     * Notifies the contact after the current one. After the last contact the chain starts over from the first,
     * and the alarm's timeline says that the whole chain was tried without acceptance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void notifyNext(Callout callout, LinkReason reason, CalloutState state) {
        List<ChainContact> chain = callouts.chain(callout.id());
        int index = 0;
        while (index < chain.size() && chain.get(index).position() != callout.position()) {
            index++;
        }
        int next = index + 1;
        int round = callout.round();
        LinkReason why = reason;
        if (next >= chain.size()) {
            next = 0;
            round++;
            why = LinkReason.CHAIN_RESTARTED;
            timeline.recordProblem(
                    callout.alarmId(),
                    "CALLOUT_CHAIN_EXHAUSTED",
                    "Ingen i utrykningskjeden til " + callout.teamName() + " har akseptert; varsler kjeden på nytt"
                            + " fra første kontakt (runde " + round + ")",
                    Map.of("round", round, "team", callout.teamName()));
        }
        notify(callout, chain.get(next), round, why, state);
    }

    private String text(Callout callout, ChainContact contact, String link) {
        Alarm alarm = alarms.findForSystem(callout.alarmId()).orElseThrow();
        String where = address(alarm, "call-out SMS to " + contact.label() + ", alarm " + alarm.id());
        return "Varde utrykning: " + alarm.title() + ", " + where + ". Se detaljer og svar: " + link;
    }

    /** The resident's address for an SMS to home care (the read is audited with {@code why}). */
    String address(Alarm alarm, String why) {
        if (alarm.residentId() == null) {
            return "adresse ukjent, ring responssenteret";
        }
        AtomicReference<Resident> resident = new AtomicReference<>();
        SystemUser.runAs(
                "dispatch",
                no.varde.shared.security.Role.OPERATOR,
                () -> resident.set(residents.get(AccessScope.all(), alarm.residentId(), why)));
        Resident r = resident.get();
        return r.streetAddress() + ", " + r.postalCode() + " " + r.postalPlace();
    }

    /**
     * Cancels a call-out that is still going and tells the workers who may be on the way, by SMS: the one who
     * accepted it, or, while nobody has, every contact sent a link who has not declined. The text carries the
     * address and the time of the call-out only, no health details. The alarm's timeline says who was told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancel(Callout callout, java.util.List<CalloutLink> links) {
        Instant now = clock.instant();
        Alarm alarm = alarms.findForSystem(callout.alarmId()).orElseThrow();
        java.util.Set<Integer> positions = new java.util.TreeSet<>();
        if (callout.acceptedPosition() != null) {
            positions.add(callout.acceptedPosition());
        } else {
            links.stream().filter(l -> l.declinedAt() == null).forEach(l -> positions.add(l.position()));
        }
        List<ChainContact> told = callouts.chain(callout.id()).stream()
                .filter(c -> positions.contains(c.position()))
                .toList();
        callouts.cancelled(callout.id(), now);
        if (told.isEmpty()) {
            return;
        }
        String text = "Utrykning avlyst: "
                + address(alarm, "call-out cancellation SMS, alarm " + alarm.id()) + " "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .format(callout.dispatchedAt().atZone(java.time.ZoneId.of("Europe/Oslo")));
        for (ChainContact contact : told) {
            sms.queue(callout.id(), contact.label(), contact.phone(), text);
        }
        String who = String.join(
                ", ", told.stream().map(c -> c.label() + " (" + c.phone() + ")").toList());
        timeline.recordProblem(
                callout.alarmId(),
                "CALLOUT_CANCELLED",
                "Utrykningen er avlyst; avlysning sendt på SMS til " + who,
                Map.of("team", callout.teamName(), "recipients", who));
    }
}
