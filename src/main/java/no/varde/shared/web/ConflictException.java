package no.varde.shared.web;

/** The request clashes with the current state (a duplicate key, a stale version). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
