package no.varde.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.varde.planning.demand.DemandForecast;
import no.varde.planning.demand.DemandProperties;
import no.varde.planning.demand.Populations;
import no.varde.planning.demand.ProjectionCsv;
import no.varde.planning.demand.ProjectionImport;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Demand to 2050 as JSON, and the import of a population projection. */
@RestController
@RequestMapping("/api/v1/planning")
@PreAuthorize(PlanningAccess.VIEW)
@Tag(name = "Planning")
class DemandApi {

    private final DemandForecast forecast;
    private final Populations populations;
    private final ProjectionImport projections;
    private final DemandExports exports;
    private final no.varde.registry.Municipalities municipalities;

    DemandApi(
            DemandForecast forecast,
            Populations populations,
            ProjectionImport projections,
            DemandExports exports,
            no.varde.registry.Municipalities municipalities) {
        this.forecast = forecast;
        this.populations = populations;
        this.projections = projections;
        this.exports = exports;
        this.municipalities = municipalities;
    }

    @GetMapping(path = "/demand/export.xlsx", produces = DemandExports.XLSX)
    @Operation(
            summary = "Demand to 2050 as XLSX: persons by age group, users and alarms as formulas over named"
                    + " assumptions, FTE and cost per year")
    org.springframework.http.ResponseEntity<byte[]> demandXlsx(java.util.Locale locale) {
        var perUser = forecast.alarmsPerUser();
        var rates = forecast.usersPer1000();
        byte[] body = exports.xlsx(
                populations.byYear(),
                forecast.forecast(perUser, rates),
                rates,
                perUser,
                populations.lastImport().orElse(null),
                municipalities.namesByNumber(),
                locale);
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"behov-2030-2050.xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(DemandExports.XLSX))
                .body(body);
    }

    @GetMapping("/demand")
    @Operation(summary = "Projected users, alarms, FTE and cost per year and municipality, with the assumptions")
    DemandJson demand() {
        var perUser = forecast.alarmsPerUser();
        var rates = forecast.usersPer1000();
        return new DemandJson(
                populations.lastImport().orElse(null),
                forecast.assumptions(),
                rates,
                perUser,
                forecast.forecast(perUser, rates));
    }

    @PostMapping("/population/import")
    @PreAuthorize(PlanningAccess.EDIT)
    @Operation(
            summary = "Import a population projection (Statistics Norway's statbank CSV; see docs/planning.md)",
            description = "Replaces the projection. Every bad cell is reported (row, column); nothing is imported if"
                    + " there is one.")
    Map<String, Object> importProjection(@RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "is required: a CSV file");
        }
        var projection = projections.importFile(
                file.getBytes(),
                file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(),
                CurrentUser.get().username());
        return Map.of("municipalities", projection.persons().size());
    }

    @ExceptionHandler(ProjectionCsv.Rejected.class)
    ProblemDetail rejected(ProjectionCsv.Rejected e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://varde.no/problems/invalid-input"));
        problem.setTitle("Invalid input");
        problem.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> Map.<String, Object>of("field", p.column(), "row", p.row(), "message", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    record DemandJson(
            Populations.@Nullable ImportInfo source,
            DemandProperties assumptions,
            no.varde.planning.demand.UsersPer1000 usersPer1000,
            no.varde.planning.demand.AlarmsPerUser alarmsPerUser,
            List<DemandForecast.YearDemand> years) {}
}
