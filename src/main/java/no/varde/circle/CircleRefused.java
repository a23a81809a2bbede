package no.varde.circle;

/** A request about relatives that the rules turn down; the code is stable for operators to report. */
public class CircleRefused extends RuntimeException {

    private final String code;

    public CircleRefused(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
