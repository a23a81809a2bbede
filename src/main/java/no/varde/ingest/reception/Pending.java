package no.varde.ingest.reception;

import java.util.concurrent.CompletableFuture;

/**
 * A delivery waiting for its group's commit, and the sender's receipt to complete after it.
 *
 * @param deadline {@link System#nanoTime()} after which no writer takes it: its sender has stopped waiting
 */
record Pending(Delivery delivery, CompletableFuture<Receipt> receipt, long deadline) {

    boolean expired(long now) {
        return now - deadline > 0;
    }

    int size() {
        return Math.max(1, delivery.events().size());
    }
}
