package no.varde.shared.web;

/** The request clashes with the current state (a duplicate key, a stale version). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    /** The last part of the problem's type URI ({@code https://varde.no/problems/<type>}). */
    public String problemType() {
        return "conflict";
    }

    public String problemTitle() {
        return "Conflict";
    }

    /** Extra members of the problem (e.g. a stable code, the field that confirms). */
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of();
    }
}
