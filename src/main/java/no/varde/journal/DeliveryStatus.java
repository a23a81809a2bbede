package no.varde.journal;

/** Where a document stands: only PENDING rows are (re)sent; ACCEPTED is final. */
public enum DeliveryStatus {
    PENDING,
    ACCEPTED,
    FAILED,
    HELD,
    SKIPPED_DISABLED
}
