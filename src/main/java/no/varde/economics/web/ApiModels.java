package no.varde.economics.web;

import java.math.BigDecimal;
import java.util.List;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.Comparison;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.DriverNote;
import no.varde.economics.model.MunicipalityResult;
import no.varde.economics.model.Nok;
import no.varde.economics.model.RegionResult;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.Staffing;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.model.YearResult;
import no.varde.economics.survey.SurveyAnswerDraft;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the economics API. Money is a number of kroner with øre as decimals. */
final class ApiModels {

    private ApiModels() {}

    record AssumptionsJson(Nok referenceCostPerInhabitant, Nok salaryPerFte, BigDecimal hoursPerFte, int horizonYears) {

        static AssumptionsJson of(Assumptions a) {
            return new AssumptionsJson(
                    a.referenceCostPerInhabitant(), a.salaryPerFte(), a.hoursPerFte(), a.horizonYears());
        }
    }

    record AssumptionsRequest(
            @Nullable BigDecimal referenceCostPerInhabitant,
            @Nullable BigDecimal salaryPerFte,
            @Nullable BigDecimal hoursPerFte,
            @Nullable Integer horizonYears) {}

    record SurveyRow(
            String kommunenummer,
            String name,
            int population,
            boolean answered,
            @Nullable AsIsCosts costs,
            @Nullable Long activeDevices,
            @Nullable Long serviceRecipients,
            @Nullable Long alarmsPerYear,
            @Nullable Long handlingMinutes) {

        static SurveyRow of(Municipality m, SurveyAnswer a) {
            return new SurveyRow(
                    m.kommunenummer().value(),
                    m.name(),
                    m.population(),
                    a.answered(),
                    a.costs(),
                    a.activeDevices(),
                    a.serviceRecipients(),
                    a.alarmsPerYear(),
                    a.handlingMinutes());
        }
    }

    record SurveyAnswerRequest(
            @Nullable BigDecimal licence,
            @Nullable BigDecimal operationsAgreement,
            @Nullable BigDecimal integration,
            @Nullable BigDecimal administration,
            @Nullable BigDecimal storageServer,
            @Nullable BigDecimal manualFollowUpHours,
            @Nullable Long activeDevices,
            @Nullable Long serviceRecipients,
            @Nullable Long alarmsPerYear,
            @Nullable Long handlingMinutes) {

        SurveyAnswerDraft toDraft() {
            return new SurveyAnswerDraft(
                    text(licence),
                    text(operationsAgreement),
                    text(integration),
                    text(administration),
                    text(storageServer),
                    text(manualFollowUpHours),
                    text(activeDevices),
                    text(serviceRecipients),
                    text(alarmsPerYear),
                    text(handlingMinutes));
        }

        private static String text(@Nullable Object value) {
            return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
    }

    record ImportResult(int imported) {}

    record CopyRequest(@Nullable String name) {}

    record ScenarioJson(
            String id, String name, String description, BigDecimal remainingManualSharePercent, List<ItemJson> items) {

        static ScenarioJson of(Scenario s) {
            return new ScenarioJson(
                    s.id().toString(),
                    s.name(),
                    s.description(),
                    s.remainingManualSharePercent(),
                    s.items().stream().map(ItemJson::of).toList());
        }
    }

    record ItemJson(String id, String name, String kind, Nok amount, BigDecimal fte, String splitKey) {

        static ItemJson of(CostItem item) {
            return new ItemJson(
                    item.id().toString(),
                    item.name(),
                    item.kind().name(),
                    item.amount(),
                    item.fte(),
                    item.splitKey().toString());
        }
    }

    record ScenarioSummary(
            String id,
            String name,
            Comparison firstYear,
            Comparison steadyState,
            Comparison horizon,
            Staffing staffing) {}

    record ResultJson(
            String scenarioId,
            String scenarioName,
            AssumptionsJson assumptions,
            List<ItemJson> items,
            RegionJson region,
            List<MunicipalityJson> municipalities,
            List<YearResult> years,
            @Nullable Integer paybackYear,
            List<String> estimated,
            List<DriverNoteJson> driverNotes) {

        static ResultJson of(ScenarioResult r) {
            return new ResultJson(
                    r.scenario().id().toString(),
                    r.scenario().name(),
                    AssumptionsJson.of(r.assumptions()),
                    r.scenario().items().stream().map(ItemJson::of).toList(),
                    RegionJson.of(r.region()),
                    r.municipalities().stream().map(MunicipalityJson::of).toList(),
                    r.years(),
                    r.paybackYear(),
                    values(r.estimated()),
                    r.driverNotes().stream().map(DriverNoteJson::of).toList());
        }
    }

    record RegionJson(
            int population,
            Nok asIsDirect,
            Nok asIsHoursCost,
            Nok toBeAnnual,
            Nok toBeOneOff,
            Nok remainingHoursCost,
            Comparison firstYear,
            Comparison steadyState,
            Comparison horizon,
            Staffing staffing,
            List<String> payingMoreSteadyState,
            List<String> payingMoreFirstYear) {

        static RegionJson of(RegionResult r) {
            return new RegionJson(
                    r.population(),
                    r.asIsDirect(),
                    r.asIsHoursCost(),
                    r.toBeAnnual(),
                    r.toBeOneOff(),
                    r.remainingHoursCost(),
                    r.firstYear(),
                    r.steadyState(),
                    r.horizon(),
                    r.staffing(),
                    values(r.payingMoreSteadyState()),
                    values(r.payingMoreFirstYear()));
        }
    }

    record MunicipalityJson(
            String kommunenummer,
            String name,
            int population,
            boolean estimated,
            Nok asIsDirect,
            Nok asIsHoursCost,
            List<Nok> itemShares,
            Nok toBeAnnual,
            Nok toBeOneOff,
            Nok remainingHoursCost,
            Comparison firstYear,
            Comparison steadyState,
            Comparison horizon,
            Staffing staffing,
            boolean paysMore) {

        static MunicipalityJson of(MunicipalityResult m) {
            return new MunicipalityJson(
                    m.kommunenummer().value(),
                    m.name(),
                    m.population(),
                    m.estimated(),
                    m.asIsDirect(),
                    m.asIsHoursCost(),
                    m.itemShares(),
                    m.toBeAnnual(),
                    m.toBeOneOff(),
                    m.remainingHoursCost(),
                    m.firstYear(),
                    m.steadyState(),
                    m.horizon(),
                    m.staffing(),
                    m.steadyState().paysMore());
        }
    }

    /** Today's costs only, without any scenario. */
    record AsIsJson(AssumptionsJson assumptions, AsIsRow region, List<AsIsRow> municipalities) {

        static AsIsJson of(ScenarioResult r) {
            RegionResult region = r.region();
            return new AsIsJson(
                    AssumptionsJson.of(r.assumptions()),
                    new AsIsRow(
                            null,
                            null,
                            region.population(),
                            false,
                            region.asIsDirect(),
                            region.asIsHoursCost(),
                            region.asIsTotal(),
                            region.steadyState().asIsPerInhabitant(),
                            region.staffing().asIsHours(),
                            region.staffing().asIsFte()),
                    r.municipalities().stream()
                            .map(m -> new AsIsRow(
                                    m.kommunenummer().value(),
                                    m.name(),
                                    m.population(),
                                    m.estimated(),
                                    m.asIsDirect(),
                                    m.asIsHoursCost(),
                                    m.asIsTotal(),
                                    m.steadyState().asIsPerInhabitant(),
                                    m.staffing().asIsHours(),
                                    m.staffing().asIsFte()))
                            .toList());
        }
    }

    record AsIsRow(
            @Nullable String kommunenummer,
            @Nullable String name,
            int population,
            boolean estimated,
            Nok direct,
            Nok hoursCost,
            Nok total,
            Nok perInhabitant,
            BigDecimal hours,
            BigDecimal fte) {}

    /**
     * Where a counted split driver's figures come from: MEASURED from operations over the usage period
     * (usageFrom..usageTo), REGISTRY (devices in service today), IMPORTED with the survey, or POPULATION; the
     * municipalities listed as estimated got a figure from their population (an assumption).
     */
    record DriverNoteJson(
            String driver,
            String source,
            List<String> estimated,
            java.time.@org.jspecify.annotations.Nullable YearMonth usageFrom,
            java.time.@org.jspecify.annotations.Nullable YearMonth usageTo,
            @org.jspecify.annotations.Nullable Integer usageMonths,
            int monthsWithData) {

        static DriverNoteJson of(DriverNote note) {
            var period = note.period();
            return new DriverNoteJson(
                    note.driver().name(),
                    note.source().name(),
                    values(note.estimated()),
                    period == null ? null : period.from(),
                    period == null ? null : period.to(),
                    period == null ? null : period.months(),
                    note.monthsWithData());
        }
    }

    static List<String> values(List<Kommunenummer> numbers) {
        return numbers.stream().map(Kommunenummer::value).toList();
    }
}
