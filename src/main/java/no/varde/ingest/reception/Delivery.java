package no.varde.ingest.reception;

import java.util.List;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * One delivery from one sender, committed as one group.
 *
 * @param sender the party that retransmits: integration id (HTTP), SCAIP cid or SIP From URI, DC-09 account
 */
public record Delivery(
        EventSource source,
        String sender,
        byte[] raw,
        @Nullable String contentType,
        List<ReceivedEvent> events) {

    public Delivery {
        events = List.copyOf(events);
    }
}
