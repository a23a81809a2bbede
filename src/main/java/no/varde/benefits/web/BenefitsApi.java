package no.varde.benefits.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import no.varde.benefits.BenefitPlan;
import no.varde.benefits.Indicator;
import no.varde.benefits.OperationalFacts;
import no.varde.benefits.Realisation;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Benefits as JSON: operational facts (small counts suppressed), the benefit plan and its realisation. */
@RestController
@RequestMapping("/api/v1/benefits")
@PreAuthorize(BenefitsAccess.VIEW)
@Tag(name = "Benefits", description = "Operational facts, the benefit plan, realised vs planned")
class BenefitsApi {

    private final OperationalFacts facts;
    private final BenefitPlan plan;
    private final Municipalities municipalities;

    private final FactsExports exports;
    private final RealisationExports realisationExports;

    BenefitsApi(
            OperationalFacts facts,
            BenefitPlan plan,
            Municipalities municipalities,
            FactsExports exports,
            RealisationExports realisationExports) {
        this.facts = facts;
        this.plan = plan;
        this.municipalities = municipalities;
        this.exports = exports;
        this.realisationExports = realisationExports;
    }

    @GetMapping(path = "/indicators/{id}/realisation.xlsx", produces = RealisationExports.XLSX)
    @Operation(
            summary = "Realised against planned per month as XLSX (difference and sums to date as formulas)",
            description = "For the region or one municipality (kommunenummer).")
    org.springframework.http.ResponseEntity<byte[]> realisationXlsx(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String kommunenummer,
            java.util.Locale locale) {
        Realisation r = realisation(id, kommunenummer);
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"gevinst-realisert.xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(RealisationExports.XLSX))
                .body(realisationExports.xlsx(r, municipalities.namesByNumber(), locale));
    }

    @GetMapping(path = "/facts/export.xlsx", produces = FactsExports.XLSX)
    @Operation(
            summary = "The operational facts as XLSX: region, municipalities, devices in service, alert codes",
            description = "Counts from 1 to below suppressBelow are written as the text '< 5', as on the pages.")
    org.springframework.http.ResponseEntity<byte[]> factsXlsx(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            java.util.Locale locale) {
        Period period = period(from, to);
        byte[] body = exports.xlsx(
                period.from(),
                period.to(),
                facts.facts(period.from(), period.to()),
                facts.devices(period.from(), period.to()),
                facts.byType(period.from(), period.to()),
                municipalities.namesByNumber(),
                plan.suppression(),
                locale);
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"driftsfakta-" + period.from() + "-" + period.to() + ".xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(FactsExports.XLSX))
                .body(body);
    }

    @GetMapping("/facts")
    @Operation(
            summary = "Operational facts per municipality and month (default: the last 12 months)",
            description = "Counts from 1 to below suppressBelow are null: they could identify a person.")
    FactsJson facts(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Period period = period(from, to);
        var all = facts.facts(period.from(), period.to());
        var devices = facts.devices(period.from(), period.to());
        var suppression = plan.suppression();
        return new FactsJson(
                period.from(),
                period.to(),
                suppression.below(),
                FactsView.of(OperationalFacts.region(all), suppression),
                FactsView.of(all, suppression),
                new DevicesJson(
                        FactsView.Devices.of(no.varde.benefits.DeviceFacts.region(devices), suppression),
                        FactsView.Devices.of(devices, suppression)));
    }

    @GetMapping("/facts/types")
    @Operation(
            summary = "Alarms per VKP alert code, per municipality and month (default: the last 12 months)",
            description = "Counts from 1 to below suppressBelow are null: they could identify a person.")
    TypesJson types(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Period period = period(from, to);
        var all = facts.byType(period.from(), period.to());
        var suppression = plan.suppression();
        return new TypesJson(
                period.from(),
                period.to(),
                suppression.below(),
                TypeView.of(OperationalFacts.regionByType(all), suppression),
                TypeView.of(all, suppression));
    }

    /** Alarms of one alert code in one month: null when from 1 to below the threshold. */
    record TypeView(
            String kommunenummer,
            YearMonth month,
            String alertCode,
            @Nullable Long alarms) {

        static List<TypeView> of(List<no.varde.alarm.AlarmFacts.TypeCount> counts, no.varde.benefits.Suppression s) {
            return counts.stream()
                    .map(c -> new TypeView(c.kommunenummer(), c.month(), c.alertCode(), s.count(c.alarms())))
                    .toList();
        }
    }

    record TypesJson(
            YearMonth from, YearMonth to, int suppressBelow, List<TypeView> region, List<TypeView> municipalities) {}

    @GetMapping("/indicators")
    @Operation(summary = "The benefit plan's indicators")
    List<Indicator> indicators() {
        return plan.indicators();
    }

    @PostMapping("/indicators")
    @PreAuthorize(BenefitsAccess.EDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an indicator (analysts and system administrators)")
    Indicator create(@RequestBody BenefitsInput.IndicatorRequest request) {
        return plan.save(BenefitsInput.indicator(
                municipalities, UUID.randomUUID(), request, CurrentUser.get().username()));
    }

    @PutMapping("/indicators/{id}")
    @PreAuthorize(BenefitsAccess.EDIT)
    @Operation(summary = "Change an indicator, e.g. the minutes a technical alarm used to take")
    Indicator update(@PathVariable String id, @RequestBody BenefitsInput.IndicatorRequest request) {
        Indicator existing = indicator(id);
        return plan.save(BenefitsInput.indicator(
                municipalities, existing.id(), request, CurrentUser.get().username()));
    }

    @GetMapping("/indicators/{id}/realisation")
    @Operation(summary = "Realised against planned per month, for the region or one municipality")
    Realisation realisation(@PathVariable String id, @RequestParam(required = false) @Nullable String kommunenummer) {
        BenefitsInput input = new BenefitsInput(municipalities);
        String scope = input.municipality("kommunenummer", kommunenummer);
        input.throwIfInvalid();
        return plan.realisation(indicator(id), scope);
    }

    @PostMapping("/indicators/{id}/measurements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a value measured by hand (recorded with who and when)")
    Realisation measure(@PathVariable String id, @RequestBody BenefitsInput.MeasurementRequest request) {
        Indicator indicator = indicator(id);
        BenefitsInput input = new BenefitsInput(municipalities);
        YearMonth month = input.month("month", request.month(), true);
        String kommunenummer = input.municipality("kommunenummer", request.kommunenummer());
        var value = input.number("value", request.value(), true, true);
        String note = input.text("note", request.note(), false, 500);
        input.check(
                indicator.source() == no.varde.benefits.MeasurementSource.MANUAL,
                "value",
                "this indicator is measured from operations, not entered by hand");
        input.throwIfInvalid();
        var user = BenefitsAccess.checkEntry(kommunenummer);
        plan.record(indicator, month, kommunenummer, value, note, user.username());
        return plan.realisation(indicator, kommunenummer);
    }

    Indicator indicator(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "is not an indicator id");
        }
        return plan.find(uuid).orElseThrow(() -> new NotFoundException("VARDE-BEN-0004: indicator", id));
    }

    Period period(@Nullable String from, @Nullable String to) {
        BenefitsInput input = new BenefitsInput(municipalities);
        YearMonth start = input.month("from", from, false);
        YearMonth end = input.month("to", to, false);
        input.throwIfInvalid();
        YearMonth last = end == null ? facts.currentMonth() : end;
        YearMonth first = start == null ? last.minusMonths(11) : start;
        input.check(!first.isAfter(last), "from", "must not come after to");
        input.check(first.plusMonths(120).isAfter(last), "from", "the period must be at most 120 months");
        input.throwIfInvalid();
        return new Period(first, last);
    }

    record Period(YearMonth from, YearMonth to) {}

    /**
     * The alarm facts, and devices in service as their own facts (a month-end stock: today's count for the current
     * month, as recorded for a past one, absent for a month Varde did not record).
     */
    record FactsJson(
            YearMonth from,
            YearMonth to,
            int suppressBelow,
            List<FactsView> region,
            List<FactsView> municipalities,
            DevicesJson devices) {}

    record DevicesJson(List<FactsView.Devices> region, List<FactsView.Devices> municipalities) {}
}
