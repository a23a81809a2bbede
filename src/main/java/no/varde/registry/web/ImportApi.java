package no.varde.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import no.varde.registry.AccessScopes;
import no.varde.registry.imports.DeviceImport;
import no.varde.registry.imports.ImportRejectedException;
import no.varde.registry.imports.MunicipalityImport;
import no.varde.registry.imports.ResidentImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Import", description = "CSV imports; all rows or none, every bad row reported by line and column")
class ImportApi {

    private final MunicipalityImport municipalityImport;
    private final ResidentImport residentImport;
    private final DeviceImport deviceImport;
    private final AccessScopes scopes;

    ImportApi(
            MunicipalityImport municipalityImport,
            ResidentImport residentImport,
            DeviceImport deviceImport,
            AccessScopes scopes) {
        this.municipalityImport = municipalityImport;
        this.residentImport = residentImport;
        this.deviceImport = deviceImport;
        this.scopes = scopes;
    }

    @PostMapping(value = "/municipalities", consumes = "text/csv")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Import municipalities (kommunenummer;kommune;innbyggere;...)")
    Map<String, Integer> municipalities(@RequestBody String csv) {
        return Map.of("imported", municipalityImport.importCsv(csv).size());
    }

    @PostMapping(value = "/residents", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Import residents into municipalities you administer")
    Map<String, Integer> residents(@RequestBody String csv) {
        return Map.of("imported", residentImport.importCsv(scopes.current(), csv));
    }

    @PostMapping(value = "/devices", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Import devices into municipalities you administer")
    Map<String, Integer> devices(@RequestBody String csv) {
        return Map.of("imported", deviceImport.importCsv(scopes.current(), csv));
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e, jakarta.servlet.http.HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://varde.no/problems/import-rejected"));
        problem.setTitle("Import rejected");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
