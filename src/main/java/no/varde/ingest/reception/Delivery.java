package no.varde.ingest.reception;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One delivery from one sender, committed as a group.
 *
 * @param sender integration id (HTTP), SCAIP cid or SIP From URI, DC-09 account (the party that retransmits)
 */
public record Delivery(
        EventSource source,
        String sender,
        byte[] raw,
        @Nullable String contentType,
        List<ReceivedEvent> events) {}
