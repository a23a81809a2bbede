package no.varde.dispatch.callout;

import java.time.Instant;
import no.varde.dispatch.CalloutId;
import org.jspecify.annotations.Nullable;

/**
 * What the mobile page shows one contact. Personal data (resident, address, entry, the operator's message) is
 * filled only while this contact may still act on the call-out; a contact who declined, or whose colleague took
 * it, sees the status only.
 */
public record CalloutPage(
        CalloutId calloutId,
        String alarmTitle,
        Instant receivedAt,
        String teamName,
        String contactName,
        CalloutState state,
        boolean mayAct,
        boolean acceptedByYou,
        boolean declinedByYou,
        @Nullable String acceptedBy,
        @Nullable String message,
        @Nullable Visit visit,
        @Nullable String centrePhone) {

    public boolean showAccept() {
        return mayAct && state.waitingForAcceptance();
    }

    public boolean showArrived() {
        return acceptedByYou && state == CalloutState.ACCEPTED;
    }

    /** Only the next step (issue 11): Done comes after "I have arrived". */
    public boolean showDone() {
        return acceptedByYou && state == CalloutState.ARRIVED;
    }

    /** Who and where: shown to the worker who may go there. */
    public record Visit(
            @Nullable String residentName,
            @Nullable String address,
            @Nullable String entryMethod,
            @Nullable String entryDetails,
            @Nullable String deviceLabel,
            @Nullable String phone,
            @Nullable String mapsUrl) {}
}
