package no.varde.registry.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.varde.registry.AccessScopes;
import no.varde.registry.imports.DeviceImport;
import no.varde.registry.imports.ImportRejectedException;
import no.varde.registry.imports.MunicipalityImport;
import no.varde.registry.imports.ResidentImport;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV import of municipalities (system admin), residents and devices (municipal and system admins). */
@Controller
@RequestMapping("/import")
@PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class ImportPages {

    private final MunicipalityImport municipalityImport;
    private final ResidentImport residentImport;
    private final DeviceImport deviceImport;
    private final AccessScopes scopes;

    ImportPages(
            MunicipalityImport municipalityImport,
            ResidentImport residentImport,
            DeviceImport deviceImport,
            AccessScopes scopes) {
        this.municipalityImport = municipalityImport;
        this.residentImport = residentImport;
        this.deviceImport = deviceImport;
        this.scopes = scopes;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("residentColumns", String.join(";", ResidentImport.REQUIRED));
        model.addAttribute("deviceColumns", String.join(";", DeviceImport.REQUIRED));
        return "registry/import";
    }

    @PostMapping("/{kind}")
    String upload(@PathVariable String kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            int count = switch (kind) {
                case "municipalities" -> {
                    if (!scopes.current().everything()) {
                        throw new AccessDeniedException("only system admins import municipalities");
                    }
                    yield municipalityImport.importCsv(csv).size();
                }
                case "residents" -> residentImport.importCsv(scopes.current(), csv);
                case "devices" -> deviceImport.importCsv(scopes.current(), csv);
                default -> throw new no.varde.shared.web.NotFoundException("import", kind);
            };
            model.addAttribute("imported", count);
            model.addAttribute("problems", List.of());
        } catch (ImportRejectedException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("kind", kind);
        return page(model);
    }
}
