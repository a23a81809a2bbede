package no.varde.planning.erlang;

/**
 * Erlang A (M/M/N+M): callers hang up after an exponentially distributed patience. The stationary distribution of
 * the birth–death chain (arrivals λ, departures μ·min(n, N) + θ·max(n − N, 0)) is summed in log space; the
 * service level is the share of callers answered within the target, where a caller who finds k others queued
 * ahead moves forward at rate N·μ + j·θ (j still ahead) and may hang up at rate θ meanwhile. That transient is
 * computed exactly by uniformisation. Mean speed of answer is the mean time in queue over all callers (E[Q]/λ).
 */
public final class ErlangA {

    private static final double NEGLIGIBLE = 1e-15;

    private ErlangA() {}

    /** The smallest number of agents whose service level reaches {@code goal}. */
    public static QueueResult staff(Load load, double patienceSeconds, double goal) {
        if (load.traffic() == 0) {
            return new QueueResult(0, 1, 0, 0, 0, 0);
        }
        // the service level grows with the agents: double until the goal is met, then halve the gap
        int low = 0;
        int high = 1;
        QueueResult result = evaluate(load, patienceSeconds, high);
        while (result.serviceLevel() < goal) {
            low = high;
            high *= 2;
            result = evaluate(load, patienceSeconds, high);
        }
        while (high - low > 1) {
            int middle = (low + high) / 2;
            QueueResult candidate = evaluate(load, patienceSeconds, middle);
            if (candidate.serviceLevel() >= goal) {
                high = middle;
                result = candidate;
            } else {
                low = middle;
            }
        }
        return result;
    }

    public static QueueResult evaluate(Load load, double patienceSeconds, int agents) {
        if (!(patienceSeconds > 0)) {
            throw new IllegalArgumentException("VARDE-PLAN-0002: patience must be positive");
        }
        double lambda = load.arrivalRate();
        if (lambda == 0) {
            return new QueueResult(agents, 1, 0, 0, 0, 0);
        }
        double mu = 1 / load.handlingSeconds();
        double theta = 1 / patienceSeconds;
        double[] pi = stationary(lambda, mu, theta, agents);
        double waiting = 0;
        double queued = 0;
        double busy = 0;
        for (int n = 0; n < pi.length; n++) {
            if (n >= agents) {
                waiting += pi[n];
                queued += (n - agents) * pi[n];
            }
            busy += Math.min(n, agents) * pi[n];
        }
        double answeredAtOnce = 1 - waiting;
        double answeredInTime = answeredWithin(pi, agents, agents * mu, theta, load.targetSeconds());
        double abandonment = theta * queued / lambda;
        return new QueueResult(
                agents, answeredAtOnce + answeredInTime, waiting, queued / lambda, busy / agents, abandonment);
    }

    private static double[] stationary(double lambda, double mu, double theta, int agents) {
        java.util.List<Double> logs = new java.util.ArrayList<>();
        double log = 0;
        double max = 0;
        logs.add(0.0);
        for (int n = 1; ; n++) {
            double departures = mu * Math.min(n, agents) + theta * Math.max(n - agents, 0);
            log += Math.log(lambda / departures);
            logs.add(log);
            max = Math.max(max, log);
            if (n > agents && log - max < Math.log(NEGLIGIBLE) && lambda < departures) {
                break;
            }
        }
        double[] pi = new double[logs.size()];
        double sum = 0;
        for (int n = 0; n < pi.length; n++) {
            pi[n] = Math.exp(logs.get(n) - max);
            sum += pi[n];
        }
        for (int n = 0; n < pi.length; n++) {
            pi[n] /= sum;
        }
        return pi;
    }

    /** Probability mass of arrivals that queue and are answered within {@code t} seconds. */
    private static double answeredWithin(double[] pi, int agents, double serviceRate, double theta, double t) {
        int ahead = pi.length - agents;
        if (ahead <= 0 || t == 0) {
            return 0;
        }
        double[] v = new double[ahead];
        for (int j = 0; j < ahead; j++) {
            v[j] = pi[agents + j];
        }
        double uniform = serviceRate + ahead * theta + theta;
        double lt = uniform * t;
        double answered = 0;
        double logWeight = -lt;
        double weightSum = 0;
        double cumulativeAnswered = 0;
        for (int m = 0; ; m++) {
            if (m > 0) {
                logWeight += Math.log(lt) - Math.log(m);
            }
            double weight = Math.exp(logWeight);
            answered += weight * cumulativeAnswered;
            weightSum += weight;
            if (m > lt && 1 - weightSum < 1e-13) {
                break;
            }
            // one uniformised step: j → j−1 at rate serviceRate + jθ; j = 0 → answered at serviceRate; hang-up θ
            cumulativeAnswered += v[0] * serviceRate / uniform;
            double[] next = new double[ahead];
            for (int j = 0; j < ahead; j++) {
                double forward = j == 0 ? serviceRate : serviceRate + j * theta;
                next[j] += v[j] * (1 - (forward + theta) / uniform);
                if (j > 0) {
                    next[j - 1] += v[j] * forward / uniform;
                }
            }
            v = next;
            if (m > 100_000) {
                break;
            }
        }
        return answered;
    }
}
