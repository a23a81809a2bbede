package no.varde.economics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.varde.economics.analysis.Analyses;
import no.varde.economics.analysis.AssumptionsStore;
import no.varde.economics.analysis.DecisionReport;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.economics.model.ScenarioResult;
import no.varde.economics.model.SensitivityResult;
import no.varde.economics.model.SurveyAnswer;
import no.varde.economics.report.MunicipalitySummary;
import no.varde.economics.report.PdfReport;
import no.varde.economics.report.XlsxExport;
import no.varde.economics.scenario.CostItemDraft;
import no.varde.economics.scenario.ScenarioCatalogue;
import no.varde.economics.scenario.ScenarioDraft;
import no.varde.economics.survey.SurveyAnswers;
import no.varde.economics.survey.SurveyImport;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The economics as JSON: inputs, scenarios, every result, and the exports. */
@RestController
@RequestMapping("/api/v1/economics")
@PreAuthorize(EconomicsAccess.VIEW)
@Tag(name = "Economics", description = "Regional cost model, scenarios, cost split and decision report")
class EconomicsApi {

    private final Analyses analyses;
    private final AssumptionsStore assumptions;
    private final ScenarioCatalogue scenarios;
    private final SurveyAnswers answers;
    private final SurveyImport surveyImport;
    private final Municipalities municipalities;
    private final PdfReport pdf;
    private final XlsxExport xlsx;

    EconomicsApi(
            Analyses analyses,
            AssumptionsStore assumptions,
            ScenarioCatalogue scenarios,
            SurveyAnswers answers,
            SurveyImport surveyImport,
            Municipalities municipalities,
            PdfReport pdf,
            XlsxExport xlsx) {
        this.analyses = analyses;
        this.assumptions = assumptions;
        this.scenarios = scenarios;
        this.answers = answers;
        this.surveyImport = surveyImport;
        this.municipalities = municipalities;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @GetMapping("/assumptions")
    @Operation(summary = "The assumptions of the analysis")
    ApiModels.AssumptionsJson assumptions() {
        return ApiModels.AssumptionsJson.of(assumptions.current());
    }

    @PutMapping("/assumptions")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Change the assumptions (analysts and system administrators)")
    ApiModels.AssumptionsJson saveAssumptions(@RequestBody ApiModels.AssumptionsRequest request) {
        var parsed = AssumptionsInput.parse(
                AssumptionsInput.text(request.referenceCostPerInhabitant()),
                AssumptionsInput.text(request.salaryPerFte()),
                AssumptionsInput.text(request.hoursPerFte()),
                AssumptionsInput.text(request.horizonYears()));
        return ApiModels.AssumptionsJson.of(
                assumptions.save(parsed, CurrentUser.get().username()));
    }

    @GetMapping("/survey")
    @Operation(summary = "The as-is survey: every municipality with its answer, or none")
    List<ApiModels.SurveyRow> survey() {
        Map<Kommunenummer, SurveyAnswer> all = answers.all();
        return municipalities.all().stream()
                .map(m -> ApiModels.SurveyRow.of(
                        m, all.getOrDefault(m.kommunenummer(), SurveyAnswer.unanswered(m.kommunenummer()))))
                .toList();
    }

    @PutMapping("/survey/{kommunenummer}")
    @Operation(
            summary = "Set one municipality's answer; leave every cost field out to mark it unanswered",
            description = "Analysts and system administrators may set any answer, a municipal administrator their own.")
    ApiModels.SurveyRow saveAnswer(
            @PathVariable String kommunenummer, @RequestBody ApiModels.SurveyAnswerRequest request) {
        Municipality municipality = municipality(kommunenummer);
        var user = EconomicsAccess.checkSurveyEditor(municipality.kommunenummer());
        SurveyAnswer answer = request.toDraft().toAnswer(municipality.kommunenummer());
        answers.save(answer, user.username());
        return ApiModels.SurveyRow.of(municipality, answer);
    }

    @PostMapping(path = "/survey/import", consumes = "multipart/form-data")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(
            summary = "Import the survey from CSV or XLSX in the demo file's format",
            description = "Every bad cell is answered by row and column as problem details; nothing is imported then.")
    ApiModels.ImportResult importSurvey(@RequestParam("file") MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null ? "survey.csv" : file.getOriginalFilename();
            return new ApiModels.ImportResult(surveyImport
                    .importFile(name, file.getBytes(), CurrentUser.get().username())
                    .size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/as-is")
    @Operation(summary = "Today's costs, hours and FTE for the region and every municipality")
    ApiModels.AsIsJson asIs() {
        return ApiModels.AsIsJson.of(analyses.asIs());
    }

    @GetMapping("/scenarios")
    @Operation(summary = "All scenarios with their headline results")
    List<ApiModels.ScenarioSummary> scenarios() {
        return scenarios.all().stream()
                .map(s -> {
                    ScenarioResult r = analyses.result(s.id(), null);
                    return new ApiModels.ScenarioSummary(
                            s.id().toString(),
                            s.name(),
                            r.region().firstYear(),
                            r.region().steadyState(),
                            r.region().horizon(),
                            r.region().staffing());
                })
                .toList();
    }

    @PostMapping("/scenarios")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Add a scenario (without items)")
    ResponseEntity<ApiModels.ScenarioJson> create(@RequestBody ScenarioDraft draft) {
        Scenario created = scenarios.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/economics/scenarios/" + created.id()))
                .body(ApiModels.ScenarioJson.of(created));
    }

    @GetMapping("/scenarios/{id}")
    @Operation(summary = "One scenario with its cost items")
    ApiModels.ScenarioJson scenario(@PathVariable String id) {
        return ApiModels.ScenarioJson.of(scenarios.get(scenarioId(id)));
    }

    @PutMapping("/scenarios/{id}")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Change a scenario's name, description and remaining manual share")
    ApiModels.ScenarioJson update(@PathVariable String id, @RequestBody ScenarioDraft draft) {
        return ApiModels.ScenarioJson.of(scenarios.update(scenarioId(id), draft));
    }

    @DeleteMapping("/scenarios/{id}")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Remove a scenario")
    ResponseEntity<Void> delete(@PathVariable String id) {
        scenarios.delete(scenarioId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/scenarios/{id}/copy")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Copy a scenario with all its items under a new name")
    ResponseEntity<ApiModels.ScenarioJson> copy(@PathVariable String id, @RequestBody ApiModels.CopyRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw InvalidInputException.of("name", "must not be blank");
        }
        Scenario copy = scenarios.copy(scenarioId(id), request.name());
        return ResponseEntity.created(URI.create("/api/v1/economics/scenarios/" + copy.id()))
                .body(ApiModels.ScenarioJson.of(copy));
    }

    @PostMapping("/scenarios/{id}/items")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Add a cost item", description = "kind ANNUAL or ONE_OFF; splitKey e.g. FLAT:40;POPULATION:60")
    ResponseEntity<ApiModels.ItemJson> addItem(@PathVariable String id, @RequestBody CostItemDraft draft) {
        ScenarioId scenarioId = scenarioId(id);
        CostItem item = scenarios.addItem(scenarioId, draft);
        return ResponseEntity.created(URI.create("/api/v1/economics/scenarios/" + scenarioId + "/items/" + item.id()))
                .body(ApiModels.ItemJson.of(item));
    }

    @PutMapping("/scenarios/{id}/items/{itemId}")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Change a cost item")
    ApiModels.ItemJson updateItem(
            @PathVariable String id, @PathVariable String itemId, @RequestBody CostItemDraft draft) {
        return ApiModels.ItemJson.of(scenarios.updateItem(scenarioId(id), itemId(itemId), draft));
    }

    @DeleteMapping("/scenarios/{id}/items/{itemId}")
    @PreAuthorize(EconomicsAccess.EDIT)
    @Operation(summary = "Remove a cost item")
    ResponseEntity<Void> removeItem(@PathVariable String id, @PathVariable String itemId) {
        scenarios.removeItem(scenarioId(id), itemId(itemId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/scenarios/{id}/results")
    @Operation(summary = "Results for the region and every municipality: first year, steady state and horizon")
    ApiModels.ResultJson results(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer usageMonths) {
        return ApiModels.ResultJson.of(analyses.result(scenarioId(id), years, usageMonths));
    }

    @GetMapping("/scenarios/{id}/sensitivity")
    @Operation(summary = "Tornado: how the savings move when each driver goes down and up by a percent")
    SensitivityResult sensitivity(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths) {
        return analyses.sensitivity(scenarioId(id), years, percent, usageMonths);
    }

    @GetMapping(path = "/scenarios/{id}/export.xlsx", produces = Exports.XLSX)
    @Operation(summary = "The results as an XLSX workbook, one sheet per view")
    ResponseEntity<byte[]> xlsx(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        DecisionReport report = analyses.report(
                scenarioId(id), years, percent, usageMonths, CurrentUser.get().displayName());
        return Exports.attachment(xlsx.render(report, locale), Exports.XLSX, report, "xlsx");
    }

    @GetMapping(path = "/scenarios/{id}/report.pdf", produces = "application/pdf")
    @Operation(summary = "The decision report (beslutningsgrunnlag) as PDF")
    ResponseEntity<byte[]> pdf(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        DecisionReport report = analyses.report(
                scenarioId(id), years, percent, usageMonths, CurrentUser.get().displayName());
        return Exports.attachment(pdf.render(report, locale), "application/pdf", report, "pdf");
    }

    @GetMapping(path = "/scenarios/{id}/municipalities/{kommunenummer}/summary.pdf", produces = "application/pdf")
    @Operation(
            summary = "One page for one municipality's council: what the cooperation costs it, what it saves, its key"
                    + " figures")
    ResponseEntity<byte[]> municipalitySummary(
            @PathVariable String id,
            @PathVariable String kommunenummer,
            @RequestParam(required = false) @Nullable Integer years,
            @RequestParam(required = false) @Nullable Integer usageMonths,
            Locale locale) {
        Municipality municipality = municipality(kommunenummer);
        DecisionReport report = analyses.report(
                scenarioId(id), years, null, usageMonths, CurrentUser.get().displayName());
        MunicipalitySummary summary = MunicipalitySummary.of(report, municipality.kommunenummer());
        return Exports.municipality(pdf.renderMunicipality(summary, locale), report, municipality.name());
    }

    /**
     * The municipality the path names; 404 also for text that is no kommunenummer at all (the summary's address
     * names a document, and a malformed one names none).
     */
    private Municipality municipality(String kommunenummer) {
        return Kommunenummer.parse(kommunenummer)
                .flatMap(municipalities::find)
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer));
    }

    static ScenarioId scenarioId(String id) {
        try {
            return new ScenarioId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("scenario", id);
        }
    }

    static CostItemId itemId(String id) {
        try {
            return new CostItemId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("cost item", id);
        }
    }
}
