package no.varde.journal.fhir;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The VKP code systems and profiles (VKP-R4, version 0.9.0) and the displays of the codes Varde sends. */
public final class VkpCodes {

    public static final String BASE = "http://ehelse.no/fhir/";
    public static final String COMPOSITION_PROFILE = BASE + "StructureDefinition/vkp-Composition-v090";
    public static final String DETECTED_ISSUE_PROFILE = BASE + "StructureDefinition/vkp-DetectedIssue-v090";
    public static final String ENCOUNTER_PROFILE = BASE + "StructureDefinition/vkp-Encounter-v090";
    public static final String ALERT_CODE = BASE + "CodeSystem/vkp-alert-code-v090";
    public static final String CATEGORY = BASE + "CodeSystem/vkp-composition-category-v090";
    public static final String EVENT = BASE + "CodeSystem/vkp-composition-event-v090";
    public static final String SECTION = BASE + "CodeSystem/vkp-composition-section-v090";
    public static final String ENCOUNTER_MODE = BASE + "CodeSystem/vkp-encounter-mode-v090";
    public static final String ENCOUNTER_REASON = BASE + "CodeSystem/vkp-encounter-reason-v090";
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    public static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";
    public static final String DNR = "urn:oid:2.16.578.1.12.4.1.4.2";

    private static final Map<Integer, String> EVENTS = Map.of(
            0, "Hendelse meldt",
            1, "Hendelse behandles",
            3, "Hendelse kvittert",
            4, "Hendelse til utrykning",
            5, "Hendelse ok utrykning",
            6, "Årsak",
            7, "Tiltak",
            8, "Samtale",
            9, "Aksjon",
            10, "Annen aktør");

    private static final Map<String, String> ALERTS = Map.ofEntries(
            Map.entry("1", "Elektronisk medisineringsstøtte"),
            Map.entry("2", "Lokaliseringsteknologi"),
            Map.entry("3", "Trygghetsalarm"),
            Map.entry("4", "Digitalt tilsyn"),
            Map.entry("4.1", "Fall"),
            Map.entry("4.2", "Forlatt sengen"),
            Map.entry("4.9", "Inaktivitet"),
            Map.entry("4.11", "Brannalarm"),
            Map.entry("4.13", "Knappetrykk"),
            Map.entry("4.14", "Snortrekk"),
            Map.entry("4.15", "Dør åpnet"),
            Map.entry("4.17", "Vannalarm"),
            Map.entry("4.21", "Forlatt bolig"),
            Map.entry("5", "Digital hjemmeoppfølging"),
            Map.entry("6", "Elektronisk dørlås"),
            Map.entry("7", "Sykesignalanlegg"));

    private VkpCodes() {}

    public static String event(int code) {
        String display = EVENTS.get(code);
        if (display == null) {
            throw new IllegalArgumentException("no VKP composition event " + code);
        }
        return display;
    }

    public static @Nullable String alert(String code) {
        return ALERTS.get(code);
    }

    /** D-numbers add 4 to the first digit of the birth day. */
    public static String nationalIdSystem(String nationalId) {
        return nationalId.charAt(0) >= '4' ? DNR : FNR;
    }
}
