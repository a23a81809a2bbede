package no.varde.alarm;

/**
 * Closing an alarm while home care is on the way (a call-out dispatched or accepted, not done) needs the operator's
 * confirmation: the worker is then sent a cancellation. Its own problem type, so a client can ask and repeat the
 * request with {@value #CONFIRM_FIELD}.
 */
public class CalloutActiveRefusal extends AlarmActionRefused {

    public static final String CODE = "VARDE-ALARM-0014";
    public static final String CONFIRM_FIELD = "confirmCalloutCancel";

    private final AlarmState state;

    CalloutActiveRefusal(AlarmState state) {
        super(
                CODE,
                "a call-out is active (" + state + "): closing cancels it and sends the worker a cancellation by SMS;"
                        + " repeat with " + CONFIRM_FIELD + "=true to confirm");
        this.state = state;
    }

    public AlarmState state() {
        return state;
    }

    @Override
    public String problemType() {
        return "callout-active";
    }

    @Override
    public String problemTitle() {
        return "Call-out active";
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("code", CODE, "calloutState", state.name(), "confirmField", CONFIRM_FIELD);
    }
}
