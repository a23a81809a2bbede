package no.varde.shared.web;

/** A request body crossed its path's size cap while being read; answered 413 and nothing is stored. */
public class RequestTooLargeException extends RuntimeException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("VARDE-WEB-0002: the request body is larger than the " + limit + " bytes accepted here");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
