package no.varde.registry.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.Devices;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.registry.NationalId;
import no.varde.registry.Resident;
import no.varde.registry.ResidentDraft;
import no.varde.registry.Residents;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
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

/** Resident pages: search, the resident card, and the form to register or change a resident. */
@Controller
@RequestMapping("/residents")
@PreAuthorize("!hasAnyRole('REGION_ANALYST', 'TECHNICIAN')")
class ResidentPages {

    private static final int PAGE_SIZE = 25;
    private static final String WRITERS = "hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private final Residents residents;
    private final Devices devices;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final Clock clock;

    ResidentPages(
            Residents residents, Devices devices, AccessScopes scopes, Municipalities municipalities, Clock clock) {
        this.residents = residents;
        this.devices = devices;
        this.scopes = scopes;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kommune,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        AccessScope scope = scopes.current();
        Kommunenummer filter = Kommunenummer.isValid(kommune) ? Kommunenummer.of(kommune) : null;
        model.addAttribute("result", residents.search(scope, q, filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kommune", filter == null ? "" : filter.value());
        model.addAttribute("municipalities", municipalities.visibleIn(scope));
        model.addAttribute("names", municipalities.namesByNumber());
        return htmx != null ? "registry/residents :: results" : "registry/residents";
    }

    @GetMapping("/{id}")
    String show(@PathVariable ResidentId id, Model model) {
        return card(id, model, null);
    }

    /**
     * The whole national id, which the card shows masked (birth date part only) until asked. Audited as its own
     * REVEAL entry each time. For htmx the id's fragment; without JavaScript the card with the id shown.
     */
    @PostMapping("/{id}/national-id")
    String revealNationalId(
            @PathVariable ResidentId id,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        NationalId nationalId =
                residents.revealNationalId(scopes.current(), id, "national id shown on request (resident card)");
        if (htmx == null) {
            return card(id, model, nationalId);
        }
        model.addAttribute("rid", id);
        model.addAttribute("maskedId", nationalId.masked());
        model.addAttribute("fullId", nationalId.value());
        return "registry/resident :: national-id";
    }

    private String card(ResidentId id, Model model, @Nullable NationalId revealed) {
        AccessScope scope = scopes.current();
        Resident resident = residents.get(scope, id, "resident card");
        model.addAttribute("resident", resident);
        model.addAttribute("rid", id);
        model.addAttribute("maskedId", resident.nationalId().masked());
        model.addAttribute("fullId", revealed == null ? null : revealed.value());
        model.addAttribute("age", resident.age(clock));
        model.addAttribute("devices", devices.ofResident(scope, id));
        model.addAttribute(
                "municipalityName",
                municipalities.namesByNumber().get(resident.kommunenummer().value()));
        model.addAttribute("municipalities", municipalities.visibleIn(scope));
        return "registry/resident";
    }

    /** A resident who has moved: a system administrator moves the record (and devices) to the new municipality. */
    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String transfer(@PathVariable ResidentId id, @RequestParam String kommunenummer, RedirectAttributes redirect) {
        if (!Kommunenummer.isValid(kommunenummer)) {
            throw InvalidInputException.of("kommunenummer", "must be four digits");
        }
        residents.transfer(scopes.current(), id, Kommunenummer.of(kommunenummer));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/residents/" + id;
    }

    @GetMapping("/new")
    @PreAuthorize(WRITERS)
    String create(Model model) {
        AccessScope scope = scopes.current();
        List<Municipality> visible = municipalities.visibleIn(scope);
        String kommune =
                visible.size() == 1 ? visible.getFirst().kommunenummer().value() : null;
        return form(model, ResidentForm.empty(kommune), null, List.of());
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(WRITERS)
    String edit(@PathVariable ResidentId id, Model model) {
        Resident resident = residents.get(scopes.current(), id, "resident opened for editing");
        model.addAttribute("maskedId", resident.nationalId().masked());
        return form(model, ResidentForm.of(resident), resident, List.of());
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    String save(@ModelAttribute("form") ResidentForm form, Model model, RedirectAttributes redirect) {
        AccessScope scope = scopes.current();
        try {
            Resident saved = form.id() == null
                    ? residents.create(scope, form.toDraft())
                    : residents.update(scope, ResidentId.of(form.id()), form.version(), form.toDraft(), true);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/residents/" + saved.id();
        } catch (InvalidInputException e) {
            return form(model, form.withRelativeRows(), null, e.problems());
        }
    }

    private String form(Model model, ResidentForm form, @Nullable Resident resident, List<FieldProblem> problems) {
        model.addAttribute("form", form.withRelativeRows());
        model.addAttribute("resident", resident);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", FormErrors.of(problems));
        model.addAttribute("municipalities", municipalities.visibleIn(scopes.current()));
        return "registry/resident-form";
    }

    /** The form as the browser posts it; relatives are rows of a fixed-size table. */
    record ResidentForm(
            @Nullable String id,
            int version,
            @Nullable String kommunenummer,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String birthDate,
            @Nullable String nationalId,
            @Nullable String streetAddress,
            @Nullable String postalCode,
            @Nullable String postalPlace,
            @Nullable String phone,
            @Nullable String mobilePhone,
            @Nullable String entryMethod,
            @Nullable String entryDetails,
            @Nullable String operatorNotes,
            @Nullable String epjId,
            boolean active,
            @Nullable List<ResidentDraft.RelativeDraft> relatives) {

        static final int RELATIVE_ROWS = 4;

        static ResidentForm empty(@Nullable String kommune) {
            return new ResidentForm(
                    null, 0, kommune, null, null, null, null, null, null, null, null, null, "KEY_BOX", null, null, null,
                    true, List.of());
        }

        static ResidentForm of(Resident r) {
            return new ResidentForm(
                    r.id().toString(),
                    r.version(),
                    r.kommunenummer().value(),
                    r.givenName(),
                    r.familyName(),
                    r.birthDate().toString(),
                    // masked: the page never sends the whole id; an empty field keeps the stored one
                    null,
                    r.streetAddress(),
                    r.postalCode(),
                    r.postalPlace(),
                    r.phone(),
                    r.mobilePhone(),
                    r.entryMethod().name(),
                    r.entryDetails(),
                    r.operatorNotes(),
                    r.epjId(),
                    r.active(),
                    r.relatives().stream()
                            .map(x -> new ResidentDraft.RelativeDraft(x.name(), x.relation(), x.phone(), null))
                            .toList());
        }

        ResidentForm withRelativeRows() {
            List<ResidentDraft.RelativeDraft> rows = new ArrayList<>(relatives == null ? List.of() : relatives);
            while (rows.size() < RELATIVE_ROWS) {
                rows.add(new ResidentDraft.RelativeDraft(null, null, null, false));
            }
            return new ResidentForm(
                    id,
                    version,
                    kommunenummer,
                    givenName,
                    familyName,
                    birthDate,
                    nationalId,
                    streetAddress,
                    postalCode,
                    postalPlace,
                    phone,
                    mobilePhone,
                    entryMethod,
                    entryDetails,
                    operatorNotes,
                    epjId,
                    active,
                    rows);
        }

        ResidentDraft toDraft() {
            return new ResidentDraft(
                    kommunenummer,
                    givenName,
                    familyName,
                    birthDate,
                    nationalId,
                    streetAddress,
                    postalCode,
                    postalPlace,
                    phone,
                    mobilePhone,
                    entryMethod,
                    entryDetails,
                    operatorNotes,
                    epjId,
                    active,
                    relatives);
        }
    }
}
