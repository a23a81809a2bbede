package no.varde.registry.web;

import java.util.List;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.Device;
import no.varde.registry.DeviceDraft;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceMaintenance;
import no.varde.registry.DeviceType;
import no.varde.registry.Devices;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/devices")
@PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
class DevicePages {

    private static final String WRITERS = "hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private final Devices devices;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final DeviceMaintenance maintenance;

    DevicePages(Devices devices, AccessScopes scopes, Municipalities municipalities, DeviceMaintenance maintenance) {
        this.maintenance = maintenance;
        this.devices = devices;
        this.scopes = scopes;
        this.municipalities = municipalities;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kommune,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        AccessScope scope = scopes.current();
        Kommunenummer filter = Kommunenummer.isValid(kommune) ? Kommunenummer.of(kommune) : null;
        DeviceType typeFilter = type == null || type.isBlank() ? null : DeviceType.valueOf(type);
        model.addAttribute("result", devices.search(scope, q, filter, typeFilter, Math.max(0, page), 25));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kommune", filter == null ? "" : filter.value());
        model.addAttribute("type", typeFilter == null ? "" : typeFilter.name());
        model.addAttribute("municipalities", municipalities.visibleIn(scope));
        return htmx != null ? "registry/devices :: results" : "registry/devices";
    }

    @GetMapping("/{id}")
    String show(@PathVariable DeviceId id, Model model) {
        model.addAttribute("device", devices.get(scopes.current(), id));
        model.addAttribute("history", maintenance.history(scopes.current(), id));
        return "registry/device";
    }

    @GetMapping("/new")
    @PreAuthorize(WRITERS)
    String create(@RequestParam(required = false) @Nullable String resident, Model model) {
        List<Municipality> visible = municipalities.visibleIn(scopes.current());
        String kommune =
                visible.size() == 1 ? visible.getFirst().kommunenummer().value() : null;
        return form(
                model,
                new DeviceForm(
                        null,
                        0,
                        new DeviceDraft(
                                kommune,
                                "SAFETY_ALARM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                resident,
                                null,
                                "ACTIVE")),
                List.of());
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(WRITERS)
    String edit(@PathVariable DeviceId id, Model model) {
        Device d = devices.get(scopes.current(), id);
        DeviceDraft draft = new DeviceDraft(
                d.kommunenummer().value(),
                d.type().name(),
                d.vendor(),
                d.model(),
                d.scaipControllerId(),
                d.scaipDeviceId(),
                d.siaAccount(),
                d.imei(),
                d.serialNumber(),
                d.residentId() == null ? null : d.residentId().toString(),
                d.placement(),
                d.status().name(),
                d.baseDeviceId() == null ? null : d.baseDeviceId().toString());
        return form(model, new DeviceForm(d.id().toString(), d.version(), draft), List.of());
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    String save(@ModelAttribute DeviceForm form, Model model, RedirectAttributes redirect) {
        AccessScope scope = scopes.current();
        try {
            Device saved = form.id() == null
                    ? devices.create(scope, form.draft())
                    : devices.update(scope, DeviceId.of(form.id()), form.version(), form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/devices/" + saved.id();
        } catch (InvalidInputException e) {
            return form(model, form, e.problems());
        }
    }

    private String form(Model model, DeviceForm form, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", FormErrors.of(problems));
        model.addAttribute("municipalities", municipalities.visibleIn(scopes.current()));
        return "registry/device-form";
    }

    record DeviceForm(@Nullable String id, int version, DeviceDraft draft) {}
}
