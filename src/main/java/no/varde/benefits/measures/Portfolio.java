package no.varde.benefits.measures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.benefits.BenefitPlan;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portfolio: measures per municipality or region, and stage changes under the rules. */
@Service
public class Portfolio {

    private final Measures measures;
    private final BenefitPlan plan;

    Portfolio(Measures measures, BenefitPlan plan) {
        this.measures = measures;
        this.plan = plan;
    }

    /** The region's measures, or those that involve one municipality. */
    public List<Measure> of(@Nullable String kommunenummer) {
        return measures.all().stream()
                .filter(m -> kommunenummer == null || m.municipalities().contains(kommunenummer))
                .toList();
    }

    @Transactional
    public Measure moveTo(Measure measure, Stage stage, String actor) {
        Map<UUID, Boolean> measured = new HashMap<>();
        for (UUID id : measure.indicators()) {
            measured.put(
                    id,
                    plan.find(id)
                            .map(indicator -> plan.realisation(indicator, null).months().stream()
                                    .anyMatch(row -> row.realised() != null
                                            && row.realised().signum() != 0))
                            .orElse(false));
        }
        return measures.save(measure.movedTo(stage, measured), actor);
    }
}
