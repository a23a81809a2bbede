package no.varde.ingest.reception;

import java.util.concurrent.CompletableFuture;

/**
 * The one way into Varde for every protocol (HTTP now, SCAIP and SIA DC-09 next): raw bytes, the parsed events
 * and the sender's identity go in; a durable receipt comes out once the events are committed and flushed.
 */
public interface Reception {

    /**
     * Hands one delivery (an HTTP request or batch, one SCAIP mrq, one DC-09 frame) to reception. The delivery is
     * one group: all its events are committed together or none. The stage completes normally only after the
     * events are committed AND flushed (synchronous commit), with one {@link EventReceipt} per event in the same
     * order. It completes exceptionally with {@link ReceptionUnavailable} (queue full, database unavailable,
     * commit timed out): the adapter then answers "not now" (HTTP 503 + Retry-After, SIP 503 + Retry-After and no
     * mrs, DC-09 no answer). It never blocks the caller's thread waiting for a slot: when the queue is full it
     * fails at once.
     */
    CompletableFuture<Receipt> submit(Delivery delivery);

    /** Keeps malformed input raw, with the reasons, in its own transaction; returns its id. */
    RejectedDeliveryId reject(RejectedDelivery rejected);
}
