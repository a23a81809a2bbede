package no.varde.alarm;

import no.varde.shared.web.ConflictException;

/** An action the alarm's state or holder does not allow; the message says why and what to do instead. */
public class AlarmActionRefused extends ConflictException {

    private final String code;

    public AlarmActionRefused(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("code", code);
    }
}
