package no.varde.journal.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.CallResult;
import no.varde.alarm.Outcome;
import no.varde.alarm.TimelineEntry;
import no.varde.alarm.TimelineKind;
import no.varde.registry.Device;
import no.varde.registry.Resident;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the VKP "oppfølging av varsel" document of one closed alarm: Composition first, then DetectedIssue, Device
 * and, when the centre spoke with someone, an Encounter. Pure: the same input gives the same document, fullUrls
 * included (they are derived from the alarm id).
 */
public final class VkpDocumentBuilder {

    public static final String TITLE = "Journalnotat for respons på hendelse";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(OSLO);

    /**
     * @param author the operator's user name (who closed the alarm)
     * @param identifierSystem absolute URI base of Varde's own identifiers
     */
    public record Input(
            Alarm alarm,
            @Nullable Resident resident,
            @Nullable Device device,
            String author,
            Instant timestamp,
            String identifierSystem) {}

    private VkpDocumentBuilder() {}

    public static Bundle build(Input in) {
        Alarm alarm = in.alarm();
        String composition = urn(alarm, "composition");
        String issue = urn(alarm, "detected-issue");
        String device = urn(alarm, "device");
        String encounter = urn(alarm, "encounter");
        Reference subject = subject(in.resident());

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(VkpCodes.URI_SYSTEM).setValue("urn:uuid:" + alarm.id()));
        bundle.setTimestamp(Date.from(in.timestamp()));

        Encounter voice = encounter(alarm, subject, in.identifierSystem());
        bundle.addEntry()
                .setFullUrl(composition)
                .setResource(composition(in, subject, issue, voice == null ? null : encounter));
        bundle.addEntry().setFullUrl(issue).setResource(detectedIssue(alarm, subject, device));
        bundle.addEntry().setFullUrl(device).setResource(device(in));
        if (voice != null) {
            bundle.addEntry().setFullUrl(encounter).setResource(voice);
        }
        return bundle;
    }

    private static Composition composition(Input in, Reference subject, String issue, @Nullable String encounter) {
        Alarm alarm = in.alarm();
        Composition c = new Composition();
        c.getMeta().addProfile(VkpCodes.COMPOSITION_PROFILE);
        c.setStatus(Composition.CompositionStatus.FINAL);
        c.setType(alertCode(alarm));
        c.addCategory(new CodeableConcept(new Coding(VkpCodes.CATEGORY, "1", "Trygghet og mestring")));
        c.setSubject(subject);
        if (encounter != null) {
            c.setEncounter(new Reference(encounter));
        }
        c.setDate(Date.from(alarm.closedAt() == null ? in.timestamp() : alarm.closedAt()));
        c.addAuthor(new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(in.identifierSystem() + "/operator")
                        .setValue(in.author()))
                .setDisplay(in.author()));
        c.setTitle(TITLE);
        for (TimelineEntry entry : alarm.timeline()) {
            if (entry.vkpEvent() != null) {
                int code = entry.vkpEvent();
                c.addEvent()
                        .addCode(new CodeableConcept(
                                new Coding(VkpCodes.EVENT, String.valueOf(code), VkpCodes.event(code))))
                        .setPeriod(new Period().setStartElement(instant(entry.at())));
            }
        }
        Reference toIssue = new Reference(issue);
        Composition.SectionComponent note =
                section("1", "Notat", VkpNarrative.note(alarm), Narrative.NarrativeStatus.ADDITIONAL, toIssue);
        note.addSection(section(
                "1.1",
                "Beskrivelse av oppfølging",
                VkpNarrative.followUp(alarm),
                Narrative.NarrativeStatus.ADDITIONAL,
                toIssue));
        note.addSection(section(
                "1.2",
                "Beskrivelse av hendelse",
                VkpNarrative.event(alarm),
                Narrative.NarrativeStatus.ADDITIONAL,
                toIssue));
        c.addSection(note);
        c.addSection(section(
                "2", "Sammenstilt tekst", VkpNarrative.timeline(alarm), Narrative.NarrativeStatus.GENERATED, toIssue));
        return c;
    }

    private static Composition.SectionComponent section(
            String code, String title, List<String> lines, Narrative.NarrativeStatus status, Reference issue) {
        Composition.SectionComponent section = new Composition.SectionComponent();
        section.setTitle(title);
        section.setCode(new CodeableConcept(new Coding(VkpCodes.SECTION, code, title)));
        Narrative text = new Narrative();
        text.setStatus(status);
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        for (String line : lines) {
            div.append("<p>").append(HtmlUtils.htmlEscape(line, "UTF-8")).append("</p>");
        }
        text.setDivAsString(div.append("</div>").toString());
        section.setText(text);
        section.addEntry(issue.copy());
        return section;
    }

    private static DetectedIssue detectedIssue(Alarm alarm, Reference subject, String device) {
        DetectedIssue issue = new DetectedIssue();
        issue.getMeta().addProfile(VkpCodes.DETECTED_ISSUE_PROFILE);
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(alertCode(alarm));
        issue.setPatient(subject.copy());
        issue.setIdentified(new org.hl7.fhir.r4.model.DateTimeType(Date.from(alarm.occurredAt())));
        issue.setAuthor(new Reference(device));
        issue.setDetail(alarm.title());
        return issue;
    }

    private static org.hl7.fhir.r4.model.Device device(Input in) {
        org.hl7.fhir.r4.model.Device fhir = new org.hl7.fhir.r4.model.Device();
        Device device = in.device();
        String system = in.identifierSystem() + "/device";
        if (device != null) {
            fhir.addIdentifier()
                    .setSystem(VkpCodes.URI_SYSTEM)
                    .setValue("urn:uuid:" + device.id().value());
            identifier(fhir, system + "/imei", device.imei());
            identifier(fhir, system + "/scaip-controller", device.scaipControllerId());
            identifier(fhir, system + "/sia-account", device.siaAccount());
            if (present(device.serialNumber())) {
                fhir.setSerialNumber(device.serialNumber().strip());
            }
            if (present(device.vendor())) {
                fhir.setManufacturer(device.vendor().strip());
            }
            if (present(device.model())) {
                fhir.addDeviceName()
                        .setName(device.model().strip())
                        .setType(org.hl7.fhir.r4.model.Device.DeviceNameType.MODELNAME);
            }
            fhir.setType(new CodeableConcept().setText(device.type().name()));
        } else {
            identifier(fhir, system + "/label", in.alarm().deviceLabel());
            fhir.setType(new CodeableConcept().setText(in.alarm().source()));
        }
        return fhir;
    }

    private static @Nullable Encounter encounter(Alarm alarm, Reference subject, String identifierSystem) {
        TimelineEntry call = alarm.timeline().stream()
                .filter(e -> e.kind() == TimelineKind.CALL)
                .filter(e -> e.call() != null && e.call().result() == CallResult.VERBAL_CONTACT)
                .findFirst()
                .orElse(null);
        if (call == null) {
            return null;
        }
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(VkpCodes.ENCOUNTER_PROFILE);
        encounter.addIdentifier().setSystem(VkpCodes.URI_SYSTEM).setValue(urn(alarm, "encounter"));
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"));
        encounter.setSubject(subject.copy());
        encounter.setPeriod(new Period().setStart(Date.from(call.at())).setEnd(Date.from(call.at())));
        encounter
                .addParticipant()
                .addType(new CodeableConcept(new Coding(VkpCodes.ENCOUNTER_MODE, "2", "Toveis tale")))
                .setIndividual(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(identifierSystem + "/operator")
                                .setValue(call.actor()))
                        .setDisplay(call.actor()));
        encounter.addReasonCode(
                new CodeableConcept(new Coding(VkpCodes.ENCOUNTER_REASON, "2", "Hendelsesbasert tilsyn")));
        return encounter;
    }

    private static Reference subject(@Nullable Resident resident) {
        if (resident == null) {
            return new Reference().setDisplay("Ukjent tjenestemottaker");
        }
        String id = resident.nationalId().value();
        return new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(VkpCodes.nationalIdSystem(id))
                        .setValue(id))
                .setDisplay(resident.fullName());
    }

    private static CodeableConcept alertCode(Alarm alarm) {
        Coding coding = new Coding().setSystem(VkpCodes.ALERT_CODE).setCode(alarm.vkpAlertCode());
        String display = VkpCodes.alert(alarm.vkpAlertCode());
        if (display != null) {
            coding.setDisplay(display);
        }
        return new CodeableConcept(coding);
    }

    private static void identifier(org.hl7.fhir.r4.model.Device device, String system, @Nullable String value) {
        if (present(value)) {
            device.addIdentifier().setSystem(system).setValue(value.strip());
        }
    }

    private static org.hl7.fhir.r4.model.DateTimeType instant(Instant at) {
        return new org.hl7.fhir.r4.model.DateTimeType(
                Date.from(at),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI,
                java.util.TimeZone.getTimeZone("UTC"));
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String urn(Alarm alarm, String part) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((alarm.id() + "/" + part).getBytes(StandardCharsets.UTF_8));
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String outcome(@Nullable Outcome outcome) {
        if (outcome == null) {
            return "ikke avsluttet";
        }
        return switch (outcome) {
            case RESOLVED_BY_PHONE -> "løst på telefon";
            case CALLOUT_COMPLETED -> "utrykning gjennomført";
            case FALSE_ALARM -> "falsk alarm";
            case HANDED_TO_113 -> "overlevert til 113";
            case TECHNICAL_HANDLED -> "teknisk feil håndtert";
            case INFORMED_ABOUT_PLANNED_VISIT -> "informert om planlagt besøk fra hjemmetjenesten";
            case OTHER -> "annet";
        };
    }
}
