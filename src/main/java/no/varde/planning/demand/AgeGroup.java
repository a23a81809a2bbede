package no.varde.planning.demand;

import org.jspecify.annotations.Nullable;

/** The age groups demand is projected by; a file's ages are summed into them. */
public enum AgeGroup {
    AGE_0_66(0, 66),
    AGE_67_79(67, 79),
    AGE_80_89(80, 89),
    AGE_90_PLUS(90, Integer.MAX_VALUE);

    final int from;
    final int to;

    AgeGroup(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The group holding all ages from {@code low} to {@code high}, or null when the range crosses groups. */
    static @Nullable AgeGroup holding(int low, int high) {
        for (AgeGroup group : values()) {
            if (low >= group.from && high <= group.to) {
                return group;
            }
        }
        return null;
    }
}
