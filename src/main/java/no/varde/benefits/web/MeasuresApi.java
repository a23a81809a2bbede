package no.varde.benefits.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.measures.Measure;
import no.varde.benefits.measures.Measures;
import no.varde.benefits.measures.Portfolio;
import no.varde.benefits.measures.Stage;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The measures portfolio as JSON, with its stage rules and the exports for the municipal planning process. */
@RestController
@RequestMapping("/api/v1/benefits/measures")
@PreAuthorize(BenefitsAccess.VIEW)
@Tag(name = "Benefits", description = "Operational facts, the benefit plan, realised vs planned, measures")
class MeasuresApi {

    private final Measures measures;
    private final Portfolio portfolio;
    private final BenefitPlan plan;
    private final Municipalities municipalities;
    private final PortfolioExports exports;

    MeasuresApi(
            Measures measures,
            Portfolio portfolio,
            BenefitPlan plan,
            Municipalities municipalities,
            PortfolioExports exports) {
        this.measures = measures;
        this.portfolio = portfolio;
        this.plan = plan;
        this.municipalities = municipalities;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "The portfolio of the region, or of one municipality (kommunenummer)")
    List<MeasureJson> list(@RequestParam(required = false) @Nullable String kommunenummer) {
        return portfolio.of(scope(kommunenummer)).stream().map(MeasureJson::of).toList();
    }

    @PostMapping
    @PreAuthorize(BenefitsAccess.EDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a measure, at stage IDEA; the need (behov) is required")
    MeasureJson create(@RequestBody MeasureInput.MeasureRequest request) {
        String actor = CurrentUser.get().username();
        Measure measure = MeasureInput.measure(UUID.randomUUID(), Stage.IDEA, 0, request, actor, municipalities, plan);
        return MeasureJson.of(measures.save(measure, actor));
    }

    @PutMapping("/{id}")
    @PreAuthorize(BenefitsAccess.EDIT)
    @Operation(summary = "Change a measure (its stage changes only through /stage)")
    MeasureJson update(@PathVariable String id, @RequestBody MeasureInput.MeasureRequest request) {
        Measure existing = measure(id);
        String actor = CurrentUser.get().username();
        Measure changed = MeasureInput.measure(
                existing.id(), existing.stage(), existing.version(), request, actor, municipalities, plan);
        if (changed.stage().compareTo(Stage.IN_BUDGET) >= 0 && changed.notFunded()) {
            throw InvalidInputException.of("costPerYear", "a measure in the budget or later needs its budget years");
        }
        return MeasureJson.of(measures.save(changed, actor));
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize(BenefitsAccess.EDIT)
    @Operation(
            summary = "Move a measure to a stage",
            description = "IN_BUDGET and later need budget years; REALISED (nyttiggjort) needs at least one measured"
                    + " value of a linked benefit indicator. A refused move is a 409 naming the rule.")
    MeasureJson stage(@PathVariable String id, @RequestBody MeasureInput.@Nullable StageRequest request) {
        Stage stage = MeasureInput.stage(request);
        return MeasureJson.of(
                portfolio.moveTo(measure(id), stage, CurrentUser.get().username()));
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The portfolio as XLSX (cost per økonomiplan year as formulas you can follow)")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String kommunenummer, Locale locale) {
        String scope = scope(kommunenummer);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tiltak.xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(exports.xlsx(portfolio.of(scope), scope, locale));
    }

    @GetMapping("/report.pdf")
    @Operation(summary = "The portfolio as PDF for the municipal planning process")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable String kommunenummer, Locale locale) {
        String scope = scope(kommunenummer);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tiltak.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(exports.pdf(portfolio.of(scope), scope, locale));
    }

    @Nullable
    String scope(@Nullable String kommunenummer) {
        BenefitsInput input = new BenefitsInput(municipalities);
        String scope = input.municipality("kommunenummer", kommunenummer);
        input.throwIfInvalid();
        return scope;
    }

    Measure measure(String id) {
        try {
            return measures.find(UUID.fromString(id))
                    .orElseThrow(() -> new NotFoundException("VARDE-BEN-0005: measure", id));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "is not a measure id");
        }
    }

    record MeasureJson(Measure measure, boolean notFunded, boolean noInvolvement) {
        static MeasureJson of(Measure m) {
            return new MeasureJson(m, m.notFunded(), m.noInvolvement());
        }
    }
}
