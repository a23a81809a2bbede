package no.varde.planning.erlang;

/**
 * The standard queueing quantities for a number of agents.
 *
 * @param agents agents answering
 * @param serviceLevel share of calls answered within the target time
 * @param probabilityOfWaiting share of calls that wait at all
 * @param averageSpeedOfAnswerSeconds mean wait before an answer, over all calls
 * @param occupancy share of the agents' time spent handling calls
 * @param abandonment share of calls that hang up before an answer (Erlang A only, 0 for Erlang C)
 */
public record QueueResult(
        int agents,
        double serviceLevel,
        double probabilityOfWaiting,
        double averageSpeedOfAnswerSeconds,
        double occupancy,
        double abandonment) {}
