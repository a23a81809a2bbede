package no.varde.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import no.varde.ingest.credentials.Dc09Keys;
import no.varde.ingest.credentials.ScaipCredentials;
import no.varde.registry.AccessScope;
import no.varde.registry.Device;
import no.varde.registry.DeviceId;
import no.varde.registry.Devices;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Write-only protocol credentials of a device, for system admins: the SIP digest credentials of its SCAIP
 * controller (kept as the digest HA1) and the AES key of its DC-09 account (kept encrypted). Nothing here is ever
 * read back; setting again replaces, deleting turns the check (or encryption) off.
 */
@RestController
@RequestMapping("/api/v1/devices/{id}")
@Tag(name = "Device credentials")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class DeviceCredentialsApi {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");

    private final Devices devices;
    private final ScaipCredentials scaip;
    private final Dc09Keys dc09;

    DeviceCredentialsApi(Devices devices, ScaipCredentials scaip, Dc09Keys dc09) {
        this.devices = devices;
        this.scaip = scaip;
        this.dc09 = dc09;
    }

    record DigestCredentials(
            @Nullable String username,
            @Nullable String password,
            @Nullable String realm) {}

    record AesKey(@Nullable String key) {}

    @PutMapping("/scaip-credentials")
    @Operation(summary = "Sets the SIP digest credentials of the device's SCAIP controller (stored as HA1 only)")
    ResponseEntity<Void> setDigest(@PathVariable DeviceId id, @RequestBody DigestCredentials body) {
        String controller = controller(id);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            problems.add(new FieldProblem("username", "1-64 letters, digits or . _ @ + -"));
        }
        if (body.password() == null
                || body.password().length() < 12
                || body.password().length() > 128) {
            problems.add(new FieldProblem("password", "must be 12 to 128 characters"));
        }
        if (body.realm() != null && !USERNAME.matcher(body.realm()).matches()) {
            problems.add(new FieldProblem("realm", "1-64 letters, digits or . _ @ + -"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VARDE-INGEST-0201: invalid digest credentials", problems);
        }
        scaip.set(
                controller,
                body.username(),
                body.realm() == null ? "varde" : body.realm(),
                body.password(),
                CurrentUser.get().username());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/scaip-credentials")
    @Operation(summary = "Removes the digest credentials: the controller is no longer challenged")
    ResponseEntity<Void> removeDigest(@PathVariable DeviceId id) {
        scaip.remove(controller(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/dc09-key")
    @Operation(summary = "Sets the AES key (32, 48 or 64 hex digits) of the device's DC-09 account")
    ResponseEntity<Void> setKey(@PathVariable DeviceId id, @RequestBody AesKey body) {
        String account = account(id);
        if (body.key() == null || !body.key().strip().matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")) {
            throw InvalidInputException.of("key", "must be 32, 48 or 64 hex digits (AES-128, -192 or -256)");
        }
        dc09.set(account, body.key(), CurrentUser.get().username());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/dc09-key")
    @Operation(summary = "Removes the AES key: encrypted frames of the account then get DUH")
    ResponseEntity<Void> removeKey(@PathVariable DeviceId id) {
        dc09.remove(account(id));
        return ResponseEntity.noContent().build();
    }

    private String controller(DeviceId id) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.scaipControllerId() == null) {
            throw InvalidInputException.of("id", "the device has no SCAIP controller id");
        }
        return device.scaipControllerId();
    }

    private String account(DeviceId id) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.siaAccount() == null) {
            throw InvalidInputException.of("id", "the device has no DC-09 account");
        }
        return device.siaAccount();
    }
}
