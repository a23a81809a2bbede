package no.varde.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import no.varde.registry.AccessScopes;
import no.varde.registry.Device;
import no.varde.registry.DeviceDraft;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.registry.Devices;
import no.varde.registry.HomeCareTeam;
import no.varde.registry.HomeCareTeams;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.registry.Page;
import no.varde.registry.Resident;
import no.varde.registry.ResidentDraft;
import no.varde.registry.ResidentSummary;
import no.varde.registry.Residents;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's REST API. Same need-to-know scope and audit as the pages: the scope is applied where the data
 * is queried, so the API cannot see more than the user's pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Municipalities, response centres, home-care teams, residents and devices")
class RegistryApi {

    private static final String RESIDENT_WRITERS = "hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";
    private static final String DEVICE_WRITERS = "hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private final Municipalities municipalities;
    private final ResponseCentres responseCentres;
    private final HomeCareTeams teams;
    private final Residents residents;
    private final Devices devices;
    private final AccessScopes scopes;

    RegistryApi(
            Municipalities municipalities,
            ResponseCentres responseCentres,
            HomeCareTeams teams,
            Residents residents,
            Devices devices,
            AccessScopes scopes) {
        this.municipalities = municipalities;
        this.responseCentres = responseCentres;
        this.teams = teams;
        this.residents = residents;
        this.devices = devices;
        this.scopes = scopes;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "All municipalities of the region")
    List<Municipality> municipalities() {
        return municipalities.all();
    }

    @GetMapping("/municipalities/{kommunenummer}")
    Municipality municipality(@PathVariable String kommunenummer) {
        return municipalities
                .find(kommune("kommunenummer", kommunenummer))
                .orElseThrow(() -> new NotFoundException("municipality", kommunenummer));
    }

    @PutMapping("/municipalities/{kommunenummer}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Create or update a municipality")
    Municipality saveMunicipality(@PathVariable String kommunenummer, @RequestBody MunicipalityBody body) {
        return municipalities.save(new Municipality(
                kommune("kommunenummer", kommunenummer),
                body.name(),
                body.population() == null ? -1 : body.population()));
    }

    record MunicipalityBody(@Nullable String name, @Nullable Integer population) {}

    @GetMapping("/response-centres")
    List<ResponseCentre> responseCentres() {
        return responseCentres.all();
    }

    @GetMapping("/home-care-teams")
    @Operation(summary = "Home-care teams with their call-out chains that you may see, optionally of one municipality")
    List<HomeCareTeam> teams(@RequestParam(required = false) @Nullable String kommunenummer) {
        Kommunenummer filter = kommunenummer == null ? null : kommune("kommunenummer", kommunenummer);
        return teams.visibleIn(scopes.current()).stream()
                .filter(team -> filter == null || team.kommunenummer().equals(filter))
                .toList();
    }

    @GetMapping("/home-care-teams/{id}")
    HomeCareTeam team(@PathVariable UUID id) {
        return teams.find(scopes.current(), id).orElseThrow(() -> new NotFoundException("home-care team", id));
    }

    @GetMapping("/residents")
    @PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
    @Operation(summary = "Search residents you may see (name, address, or an exact national id)")
    Page<ResidentSummary> residents(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kommunenummer,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return residents.search(
                scopes.current(),
                q,
                kommunenummer == null ? null : kommune("kommunenummer", kommunenummer),
                Math.max(page, 0),
                Math.min(Math.max(size, 1), 500));
    }

    @GetMapping("/residents/{id}")
    @PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
    Resident resident(@PathVariable ResidentId id) {
        return residents.get(scopes.current(), id, "resident read through the API");
    }

    @PostMapping("/residents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RESIDENT_WRITERS)
    Resident createResident(@RequestBody ResidentDraft draft) {
        return residents.create(scopes.current(), draft);
    }

    @PutMapping("/residents/{id}")
    @PreAuthorize(RESIDENT_WRITERS)
    @Operation(summary = "Update a resident; If-Match carries the version read (optimistic locking)")
    Resident updateResident(
            @PathVariable ResidentId id, @RequestHeader("If-Match") String version, @RequestBody ResidentDraft draft) {
        return residents.update(scopes.current(), id, version(version), draft);
    }

    @PostMapping("/residents/{id}/transfer")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Transfer a resident who has moved (with their devices) to another municipality")
    Resident transferResident(@PathVariable ResidentId id, @RequestBody TransferBody body) {
        if (body.kommunenummer() == null) {
            throw InvalidInputException.of("kommunenummer", "the municipality the resident moves to is required");
        }
        return residents.transfer(scopes.current(), id, kommune("kommunenummer", body.kommunenummer()));
    }

    record TransferBody(@Nullable String kommunenummer) {}

    @GetMapping("/devices")
    @PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
    Page<Device> devices(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kommunenummer,
            @RequestParam(required = false) @Nullable DeviceType type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return devices.search(
                scopes.current(),
                q,
                kommunenummer == null ? null : kommune("kommunenummer", kommunenummer),
                type,
                Math.max(page, 0),
                Math.min(Math.max(size, 1), 500));
    }

    @GetMapping("/devices/{id}")
    @PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
    Device device(@PathVariable DeviceId id) {
        return devices.get(scopes.current(), id);
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DEVICE_WRITERS)
    Device createDevice(@RequestBody DeviceDraft draft) {
        return devices.create(scopes.current(), draft);
    }

    @PutMapping("/devices/{id}")
    @PreAuthorize(DEVICE_WRITERS)
    Device updateDevice(
            @PathVariable DeviceId id, @RequestHeader("If-Match") String version, @RequestBody DeviceDraft draft) {
        return devices.update(scopes.current(), id, version(version), draft);
    }

    private static Kommunenummer kommune(String field, String value) {
        if (!Kommunenummer.isValid(value)) {
            throw InvalidInputException.of(field, "must be four digits, was '" + value + "'");
        }
        return Kommunenummer.of(value);
    }

    private static int version(String header) {
        try {
            return Integer.parseInt(header.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be the version number read, e.g. \"3\"");
        }
    }
}
