package no.varde.ingest.reception;

import java.util.concurrent.CompletableFuture;

/** A delivery waiting for its group's commit, and the sender's receipt to complete after it. */
record Pending(Delivery delivery, CompletableFuture<Receipt> receipt) {

    int size() {
        return Math.max(1, delivery.events().size());
    }
}
