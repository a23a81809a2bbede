package no.varde.economics.analysis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.varde.economics.OperationalCounts;
import no.varde.economics.SplitDriver;
import no.varde.economics.model.AnalysisInput;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.CostModel;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.Sensitivity;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.model.SplitBasis;
import no.varde.economics.model.StaffingLink;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.economics.survey.SurveyAnswers;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers the current inputs and runs the cost model on them. */
@Service
@Transactional(readOnly = true)
public class Analyses {

    private final Municipalities municipalities;
    private final SurveyAnswers answers;
    private final AssumptionsStore assumptions;
    private final ScenarioCatalogue scenarios;
    private final ObjectProvider<OperationalCounts> operationalCounts;
    private final ObjectProvider<no.varde.economics.StaffingModel> staffingModel;
    private final no.varde.economics.scenario.StaffingDrivenItems staffingDriven;
    private final Clock clock;

    Analyses(
            Municipalities municipalities,
            SurveyAnswers answers,
            AssumptionsStore assumptions,
            ScenarioCatalogue scenarios,
            ObjectProvider<OperationalCounts> operationalCounts,
            ObjectProvider<no.varde.economics.StaffingModel> staffingModel,
            no.varde.economics.scenario.StaffingDrivenItems staffingDriven,
            Clock clock) {
        this.municipalities = municipalities;
        this.answers = answers;
        this.assumptions = assumptions;
        this.scenarios = scenarios;
        this.operationalCounts = operationalCounts;
        this.staffingModel = staffingModel;
        this.staffingDriven = staffingDriven;
        this.clock = clock;
    }

    public ScenarioResult result(ScenarioId id, @Nullable Integer horizonYears) {
        return result(id, horizonYears, null);
    }

    /**
     * @param usageMonths the usage period of the split keys measured from operations: the last complete months
     *     counted (null: {@code varde.economics.usage-months}, 12)
     */
    public ScenarioResult result(ScenarioId id, @Nullable Integer horizonYears, @Nullable Integer usageMonths) {
        return CostModel.compute(input(scenarios.get(id), horizonYears, usageMonths));
    }

    public SensitivityResult sensitivity(ScenarioId id, @Nullable Integer horizonYears, @Nullable Integer percent) {
        return sensitivity(id, horizonYears, percent, null);
    }

    public SensitivityResult sensitivity(
            ScenarioId id, @Nullable Integer horizonYears, @Nullable Integer percent, @Nullable Integer usageMonths) {
        return Sensitivity.analyse(input(scenarios.get(id), horizonYears, usageMonths), sensitivityPercent(percent));
    }

    /** Today's costs only: the model run on a scenario without items. */
    public ScenarioResult asIs() {
        Scenario none = new Scenario(ScenarioId.random(), "as-is", "", java.math.BigDecimal.valueOf(100), List.of());
        return CostModel.compute(input(none, null, null));
    }

    /** Everything a decision report shows, computed now; the sensitivity at the configured percent by default. */
    public DecisionReport report(
            ScenarioId id, @Nullable Integer horizonYears, @Nullable Integer percent, String preparedBy) {
        return report(id, horizonYears, percent, null, preparedBy);
    }

    public DecisionReport report(
            ScenarioId id,
            @Nullable Integer horizonYears,
            @Nullable Integer percent,
            @Nullable Integer usageMonths,
            String preparedBy) {
        Scenario scenario = scenarios.get(id);
        AnalysisInput input = input(scenario, horizonYears, usageMonths);
        return new DecisionReport(
                CostModel.compute(input),
                Sensitivity.analyse(input, sensitivityPercent(percent)),
                input.answers(),
                input.basis(),
                assumptions.suppressBelow(),
                Instant.now(clock),
                java.time.ZoneId.of("Europe/Oslo"), // the reader's time, not the server's zone (UTC)
                preparedBy);
    }

    public AnalysisInput input(Scenario scenario, @Nullable Integer horizonYears) {
        return input(scenario, horizonYears, null);
    }

    public AnalysisInput input(Scenario scenario, @Nullable Integer horizonYears, @Nullable Integer usageMonths) {
        Assumptions current = assumptions.current();
        if (horizonYears != null) {
            if (horizonYears < 1 || horizonYears > 20) {
                throw InvalidInputException.of("years", "must be 1 to 20");
            }
            current = current.withHorizon(horizonYears);
        }
        int months = usageMonths == null ? assumptions.usageMonths() : usageMonths;
        if (months < 1 || months > 60) {
            throw InvalidInputException.of("usageMonths", "must be 1 to 60");
        }
        List<Municipality> region = municipalities.all();
        Map<Kommunenummer, SurveyAnswer> survey = answers.all();
        return new AnalysisInput(
                current, region, survey, SplitBasis.of(region, counts(survey, months)), scenario, staffing(scenario));
    }

    /** The scenario's staffing-driven items with the planner's FTE, remembered per volume within one analysis. */
    private StaffingLink staffing(Scenario scenario) {
        no.varde.economics.StaffingModel model = staffingModel.getIfAvailable();
        if (model == null) {
            return StaffingLink.NONE;
        }
        var items = staffingDriven.of(scenario.id());
        if (items.isEmpty()) {
            return StaffingLink.NONE;
        }
        Map<BigDecimal, BigDecimal> known = new java.util.concurrent.ConcurrentHashMap<>();
        return new StaffingLink(
                items,
                factor -> known.computeIfAbsent(factor.stripTrailingZeros(), model::requiredFte),
                BigDecimal.ONE);
    }

    private int sensitivityPercent(@Nullable Integer percent) {
        int p = percent == null ? assumptions.sensitivityPercent() : percent;
        if (p < 1 || p > 100) {
            throw InvalidInputException.of("percent", "must be 1 to 100");
        }
        return p;
    }

    private Map<SplitDriver, SplitBasis.SourcedCounts> counts(Map<Kommunenummer, SurveyAnswer> survey, int months) {
        Map<SplitDriver, SplitBasis.SourcedCounts> counts = new EnumMap<>(SplitDriver.class);
        for (SplitDriver driver : SplitDriver.values()) {
            if (!driver.isCounted()) {
                continue;
            }
            var measured = operationalCounts
                    .orderedStream()
                    .map(source -> source.measured(driver, months))
                    .flatMap(java.util.Optional::stream)
                    .findFirst();
            if (measured.isPresent()) {
                var m = measured.get();
                counts.put(
                        driver,
                        new SplitBasis.SourcedCounts(
                                m.period() == null ? DriverNote.Source.REGISTRY : DriverNote.Source.MEASURED,
                                m.counts(),
                                m.period(),
                                m.monthsWithData()));
            } else {
                counts.put(driver, new SplitBasis.SourcedCounts(DriverNote.Source.IMPORTED, imported(survey, driver)));
            }
        }
        return counts;
    }

    private static Map<Kommunenummer, Long> imported(Map<Kommunenummer, SurveyAnswer> survey, SplitDriver driver) {
        Function<SurveyAnswer, @Nullable Long> field = switch (driver) {
            case ACTIVE_DEVICES -> SurveyAnswer::activeDevices;
            case SERVICE_RECIPIENTS -> SurveyAnswer::serviceRecipients;
            case ALARMS -> SurveyAnswer::alarmsPerYear;
            case HANDLING_MINUTES -> SurveyAnswer::handlingMinutes;
            default -> answer -> null;
        };
        Map<Kommunenummer, Long> counts = new HashMap<>();
        survey.forEach((k, answer) -> {
            Long value = field.apply(answer);
            if (value != null) {
                counts.put(k, value);
            }
        });
        return counts;
    }
}
