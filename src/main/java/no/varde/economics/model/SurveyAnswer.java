package no.varde.economics.model;

import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * What one municipality answered in the as-is survey.
 *
 * @param costs null when the municipality did not report its costs (it is estimated per inhabitant)
 * @param activeDevices counts for split keys, null when not reported
 */
public record SurveyAnswer(
        Kommunenummer kommunenummer,
        @Nullable AsIsCosts costs,
        @Nullable Long activeDevices,
        @Nullable Long serviceRecipients,
        @Nullable Long alarmsPerYear,
        @Nullable Long handlingMinutes) {

    public static SurveyAnswer unanswered(Kommunenummer kommunenummer) {
        return new SurveyAnswer(kommunenummer, null, null, null, null, null);
    }

    public boolean answered() {
        return costs != null;
    }

    public SurveyAnswer withCosts(@Nullable AsIsCosts newCosts) {
        return new SurveyAnswer(
                kommunenummer, newCosts, activeDevices, serviceRecipients, alarmsPerYear, handlingMinutes);
    }
}
