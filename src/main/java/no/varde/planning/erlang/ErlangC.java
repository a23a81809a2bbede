package no.varde.planning.erlang;

/**
 * Erlang C (M/M/N, callers wait as long as it takes): the textbook formulas. Traffic A = calls × handling time ÷
 * interval (Erlangs); P(wait) = C(N, A); service level = 1 − C(N, A)·e^(−(N − A)·t / h); mean speed of answer =
 * C(N, A)·h / (N − A); occupancy = A / N. C(N, A) is computed from the Erlang B recursion, which stays stable
 * for thousands of agents where the factorial form overflows.
 */
public final class ErlangC {

    /** Traffic above this is not a response centre; it would only make the search long. */
    public static final double MAX_TRAFFIC = 5_000;

    private ErlangC() {}

    /** The smallest number of agents whose service level reaches {@code goal} (0 agents when there are no calls). */
    public static QueueResult staff(Load load, double goal) {
        double traffic = load.traffic();
        if (traffic == 0) {
            return new QueueResult(0, 1, 0, 0, 0, 0);
        }
        int agents = Math.max(1, (int) Math.floor(traffic) + 1);
        QueueResult result = evaluate(load, agents);
        while (result.serviceLevel() < goal) {
            agents++;
            result = evaluate(load, agents);
        }
        return result;
    }

    /** The quantities for {@code agents} agents; with too few agents for the traffic every call waits forever. */
    public static QueueResult evaluate(Load load, int agents) {
        double traffic = load.traffic();
        if (traffic == 0) {
            return new QueueResult(agents, 1, 0, 0, 0, 0);
        }
        if (agents <= traffic) {
            return new QueueResult(agents, 0, 1, Double.POSITIVE_INFINITY, 1, 0);
        }
        double waiting = probabilityOfWaiting(agents, traffic);
        double h = load.handlingSeconds();
        double serviceLevel = 1 - waiting * Math.exp(-(agents - traffic) * load.targetSeconds() / h);
        double asa = waiting * h / (agents - traffic);
        return new QueueResult(agents, serviceLevel, waiting, asa, traffic / agents, 0);
    }

    /** C(N, A) = N·B / (N − A·(1 − B)) with B = Erlang B(N, A). */
    static double probabilityOfWaiting(int agents, double traffic) {
        double b = erlangB(agents, traffic);
        return agents * b / (agents - traffic * (1 - b));
    }

    /** B(0) = 1; B(k) = A·B(k−1) / (k + A·B(k−1)). */
    static double erlangB(int agents, double traffic) {
        double b = 1;
        for (int k = 1; k <= agents; k++) {
            b = traffic * b / (k + traffic * b);
        }
        return b;
    }
}
