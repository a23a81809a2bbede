package no.varde.shared.web;

/**
 * Nothing with that id exists, or the user may not see it. Both answer 404 so the API never reveals
 * whether a resident of another municipality exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
