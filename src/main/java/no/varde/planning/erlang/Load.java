package no.varde.planning.erlang;

/**
 * The load on the centre in one interval.
 *
 * @param calls calls arriving in the interval (may be fractional: an average)
 * @param intervalSeconds length of the interval
 * @param handlingSeconds mean handling time of a call (talk and after-call work)
 * @param targetSeconds answer-time target of the service level
 */
public record Load(double calls, double intervalSeconds, double handlingSeconds, double targetSeconds) {

    public Load {
        if (!(calls >= 0) || !(intervalSeconds > 0) || !(handlingSeconds > 0) || !(targetSeconds >= 0)) {
            throw new IllegalArgumentException(
                    "VARDE-PLAN-0001: calls and target must be ≥ 0, interval and handling time > 0");
        }
    }

    /** Offered traffic in Erlangs: the number of agents the calls would keep busy all the time. */
    public double traffic() {
        return calls * handlingSeconds / intervalSeconds;
    }

    /** Calls per second. */
    public double arrivalRate() {
        return calls / intervalSeconds;
    }
}
