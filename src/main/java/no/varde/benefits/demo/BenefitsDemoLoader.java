package no.varde.benefits.demo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import no.varde.benefits.BenefitArea;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.Indicator;
import no.varde.benefits.MeasurementSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo region's benefit plan, from the source analysis: the promise of −17 800 hours a year of manual
 * follow-up (of 29 500), measured as technical alarms handled by rules; alarms answered within 60 seconds; and
 * one indicator entered by hand. Seeded only while the plan is empty.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class BenefitsDemoLoader implements ApplicationRunner {

    private final BenefitPlan plan;

    BenefitsDemoLoader(BenefitPlan plan) {
        this.plan = plan;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!plan.indicators().isEmpty()) {
            return;
        }
        YearMonth start = YearMonth.of(2026, 1);
        plan.save(new Indicator(
                UUID.fromString("b0000000-0000-4000-8000-000000000001"),
                "Timer spart på manuell oppfølging av tekniske alarmer",
                BenefitArea.TIME_SAVED,
                "timer/måned",
                null,
                BigDecimal.ZERO,
                "Kartleggingen: 29 500 timer manuell oppfølging per år; løftet er −17 800 timer per år"
                        + " (1 483,33 per måned). Målt: tekniske alarmer lukket av regler × minutter per alarm.",
                new BigDecimal("1483.33"),
                start,
                YearMonth.of(2028, 12),
                MeasurementSource.RULE_HOURS,
                new BigDecimal("10"),
                "demo"));
        plan.save(new Indicator(
                UUID.fromString("b0000000-0000-4000-8000-000000000002"),
                "Alarmer besvart innen 60 sekunder",
                BenefitArea.QUALITY,
                "%",
                null,
                new BigDecimal("80"),
                "Antatt nivå før felles responssenter (ingen felles måling fantes)",
                new BigDecimal("95"),
                start,
                YearMonth.of(2027, 6),
                MeasurementSource.ANSWER_SHARE,
                null,
                "demo"));
        plan.save(new Indicator(
                UUID.fromString("b0000000-0000-4000-8000-000000000003"),
                "Unngåtte utrykninger med hjemmetjenesten",
                BenefitArea.COST_AVOIDED,
                "utrykninger/måned",
                "1833",
                BigDecimal.ZERO,
                "Registreres av Rana kommune fra hjemmetjenestens turnuslister",
                new BigDecimal("40"),
                start,
                YearMonth.of(2027, 12),
                MeasurementSource.MANUAL,
                null,
                "demo"));
    }
}
