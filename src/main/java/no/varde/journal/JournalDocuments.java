package no.varde.journal;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.journal.fhir.VkpDocumentBuilder;
import no.varde.journal.fhir.VkpValidator;
import no.varde.registry.AccessScope;
import no.varde.registry.Device;
import no.varde.registry.Devices;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.security.SystemUser;
import org.hl7.fhir.r4.model.Bundle;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds and validates an alarm's VKP document. Personal data is read as the system user "journal", in a
 * transaction, so the audit trail records every read.
 */
@Service
public class JournalDocuments {

    /** The document as JSON and the reasons it may not be sent (empty: it may). */
    public record Document(String json, List<String> problems) {

        public boolean sendable() {
            return problems.isEmpty();
        }
    }

    private final Alarms alarms;
    private final Residents residents;
    private final Devices devices;
    private final VkpValidator validator;
    private final FhirContext fhir;
    private final TransactionTemplate transactions;
    private final JournalProperties properties;
    private final Clock clock;

    JournalDocuments(
            Alarms alarms,
            Residents residents,
            Devices devices,
            VkpValidator validator,
            FhirContext fhir,
            TransactionTemplate transactions,
            JournalProperties properties,
            Clock clock) {
        this.alarms = alarms;
        this.residents = residents;
        this.devices = devices;
        this.validator = validator;
        this.fhir = fhir;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Only alarms that needed a person are documented; technical and information messages are not. */
    public static boolean documented(Alarm alarm) {
        return alarm.category() == AlarmCategory.ALARM;
    }

    public Document build(Alarm alarm, String author) {
        List<String> problems = new ArrayList<>();
        AtomicReference<@Nullable Resident> resident = new AtomicReference<>();
        AtomicReference<@Nullable Device> device = new AtomicReference<>();
        SystemUser.runAs(
                "journal",
                () -> transactions.executeWithoutResult(status -> {
                    if (alarm.residentId() != null) {
                        resident.set(residents.get(AccessScope.all(), alarm.residentId(), "VKP documentation"));
                    }
                    if (alarm.deviceId() != null) {
                        device.set(devices.get(AccessScope.all(), alarm.deviceId()));
                    }
                }));
        if (resident.get() == null) {
            problems.add("VARDE-JOURNAL-0001: the alarm has no resident; the document needs one as subject");
        }
        Bundle bundle = VkpDocumentBuilder.build(new VkpDocumentBuilder.Input(
                alarm, resident.get(), device.get(), author, clock.instant(), properties.identifierSystem()));
        problems.addAll(validator.errors(bundle));
        return new Document(fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle), problems);
    }

    public Document build(AlarmId id, String author) {
        return build(alarms.findForSystem(id).orElseThrow(), author);
    }
}
