package no.varde.planning;

/**
 * One hour of the week.
 *
 * @param day ISO day of the week, 1 = Monday
 * @param hour local hour 0–23 (Europe/Oslo)
 * @param calls alarms expected in the hour
 * @param erlangAgents operators the queueing model needs for the goal
 * @param operators operators on duty: the model's number, never below the minimum
 * @param serviceLevel share answered within the target with {@code operators} on duty
 * @param minimumApplied the minimum, not the load, decided the number
 */
public record HourPlan(
        int day,
        int hour,
        double calls,
        int erlangAgents,
        int operators,
        double serviceLevel,
        boolean minimumApplied) {}
