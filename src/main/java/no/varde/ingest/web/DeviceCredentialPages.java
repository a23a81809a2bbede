package no.varde.ingest.web;

import java.util.regex.Pattern;
import no.varde.ingest.credentials.Dc09Keys;
import no.varde.ingest.credentials.ScaipCredentials;
import no.varde.registry.AccessScope;
import no.varde.registry.Device;
import no.varde.registry.DeviceId;
import no.varde.registry.Devices;
import no.varde.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of a device's protocol credentials (the same as {@code DeviceCredentialsApi}): the SIP digest
 * credentials of its SCAIP controller and the AES key of its DC-09 account. Write-only: the page shows whether
 * they are set, when and by whom, never a password, HA1 or key.
 */
@Controller
@RequestMapping("/devices/{id}/credentials")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class DeviceCredentialPages {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    static final Pattern AES_KEY = Pattern.compile("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}");

    private final Devices devices;
    private final ScaipCredentials scaip;
    private final Dc09Keys dc09;

    DeviceCredentialPages(Devices devices, ScaipCredentials scaip, Dc09Keys dc09) {
        this.devices = devices;
        this.scaip = scaip;
        this.dc09 = dc09;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone() {
        return java.time.ZoneId.of("Europe/Oslo");
    }

    @GetMapping
    String show(@PathVariable DeviceId id, Model model) {
        return page(devices.get(AccessScope.all(), id), model);
    }

    @PostMapping("/dc09-key")
    String setKey(
            @PathVariable DeviceId id,
            @RequestParam(defaultValue = "") String key,
            Model model,
            RedirectAttributes redirect) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.siaAccount() == null) {
            model.addAttribute("keyError", "device.credentials.noAccount");
            return page(device, model);
        }
        if (!AES_KEY.matcher(key.strip()).matches()) {
            model.addAttribute("keyError", "device.credentials.key.invalid");
            return page(device, model);
        }
        dc09.set(device.siaAccount(), key.strip(), CurrentUser.get().username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/devices/" + id.value() + "/credentials";
    }

    @PostMapping("/dc09-key/remove")
    String removeKey(@PathVariable DeviceId id, RedirectAttributes redirect) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.siaAccount() != null) {
            dc09.remove(device.siaAccount());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/devices/" + id.value() + "/credentials";
    }

    @PostMapping("/scaip")
    String setDigest(
            @PathVariable DeviceId id,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "varde") String realm,
            Model model,
            RedirectAttributes redirect) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.scaipControllerId() == null) {
            model.addAttribute("digestError", "device.credentials.noController");
            return page(device, model);
        }
        String effectiveRealm = realm.isBlank() ? "varde" : realm.strip();
        if (!USERNAME.matcher(username.strip()).matches()
                || !USERNAME.matcher(effectiveRealm).matches()) {
            model.addAttribute("digestError", "device.credentials.username.invalid");
            model.addAttribute("username", username);
            return page(device, model);
        }
        if (password.length() < 12 || password.length() > 128) {
            model.addAttribute("digestError", "device.credentials.password.invalid");
            model.addAttribute("username", username);
            return page(device, model);
        }
        scaip.set(
                device.scaipControllerId(),
                username.strip(),
                effectiveRealm,
                password,
                CurrentUser.get().username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/devices/" + id.value() + "/credentials";
    }

    @PostMapping("/scaip/remove")
    String removeDigest(@PathVariable DeviceId id, RedirectAttributes redirect) {
        Device device = devices.get(AccessScope.all(), id);
        if (device.scaipControllerId() != null) {
            scaip.remove(device.scaipControllerId());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/devices/" + id.value() + "/credentials";
    }

    private String page(Device device, Model model) {
        model.addAttribute("device", device);
        model.addAttribute(
                "digest",
                device.scaipControllerId() == null
                        ? null
                        : scaip.status(device.scaipControllerId()).orElse(null));
        model.addAttribute(
                "key",
                device.siaAccount() == null
                        ? null
                        : dc09.status(device.siaAccount()).orElse(null));
        return "registry/device-credentials";
    }
}
