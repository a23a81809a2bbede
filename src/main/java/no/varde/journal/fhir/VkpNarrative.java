package no.varde.journal.fhir;

import java.util.ArrayList;
import java.util.List;
import no.varde.alarm.Alarm;
import no.varde.alarm.TimelineDetail;
import no.varde.alarm.TimelineEntry;
import no.varde.alarm.TimelineKind;

/** The Norwegian text of the document's sections, one paragraph per line. */
final class VkpNarrative {

    private VkpNarrative() {}

    static List<String> note(Alarm alarm) {
        return List.of("Alarm \"" + alarm.title() + "\" mottatt " + VkpDocumentBuilder.time(alarm.receivedAt())
                + " og avsluttet " + (alarm.closedAt() == null ? "-" : VkpDocumentBuilder.time(alarm.closedAt()))
                + " med utfall: " + VkpDocumentBuilder.outcome(alarm.outcome()) + ".");
    }

    static List<String> followUp(Alarm alarm) {
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : alarm.timeline()) {
            String line = switch (entry.kind()) {
                case CLAIMED -> "Behandlet av " + entry.actor() + ".";
                case CALL ->
                    entry.call() == null
                            ? null
                            : "Samtale med " + entry.call().callee() + ": "
                                    + callResult(entry.call().result().name()) + text(entry);
                case CAUSE -> "Årsak" + text(entry);
                case MEASURE -> "Tiltak" + text(entry);
                case NOTE -> "Notat" + text(entry);
                case DISPATCHED -> "Sendt til utrykning av " + entry.actor() + text(entry);
                case DISPATCH_ACCEPTED -> "Utrykning akseptert av " + entry.actor() + ".";
                case DISPATCH_DECLINED -> "Utrykning avvist av " + entry.actor() + text(entry);
                case ARRIVED -> "Hjemmetjenesten fremme (" + entry.actor() + ").";
                case DISPATCH_DONE -> "Utrykning fullført (" + entry.actor() + ")" + text(entry);
                case HANDED_TO_113 -> "Overlevert til 113" + text(entry);
                case RELATIVES_NOTIFIED -> "Pårørende varslet" + text(entry);
                case RELATIVE_SMS ->
                    entry.relativeMessage() == null
                            ? null
                            : "SMS til pårørende " + entry.relativeMessage().relative() + " sendt av " + entry.actor()
                                    + ".";
                case RELATIVE_CONFIRMED ->
                    entry.relativeConfirmation() == null
                            ? null
                            : "Pårørende " + entry.relativeConfirmation().relative() + " bekreftet mottatt SMS.";
                case CLOSED, CLOSED_BY_RULE, CLOSED_IN_BULK -> "Avsluttet av " + entry.actor() + text(entry);
                default -> null;
            };
            if (line != null) {
                lines.add(line);
            }
        }
        return lines.isEmpty() ? List.of("Ingen oppfølging registrert.") : lines;
    }

    static List<String> event(Alarm alarm) {
        List<String> lines = new ArrayList<>();
        lines.add(alarm.title() + " fra " + (alarm.deviceLabel() == null ? "ukjent enhet" : alarm.deviceLabel())
                + ", utløst " + VkpDocumentBuilder.time(alarm.occurredAt()) + ".");
        alarm.timeline().stream()
                .filter(e -> e.kind() == TimelineKind.RECEIVED)
                .map(e -> e.detail() instanceof TimelineDetail.DeviceReport report ? report.location() : null)
                .filter(location ->
                        location != null && !String.valueOf(location).isBlank())
                .findFirst()
                .ifPresent(location -> lines.add("Sted: " + location + "."));
        return lines;
    }

    static List<String> timeline(Alarm alarm) {
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : alarm.timeline()) {
            if (entry.vkpEvent() != null) {
                lines.add(VkpDocumentBuilder.time(entry.at()) + " " + VkpCodes.event(entry.vkpEvent()) + " ("
                        + entry.actor() + ")" + text(entry));
            }
        }
        return lines;
    }

    private static String text(TimelineEntry entry) {
        return entry.text() == null || entry.text().isBlank()
                ? "."
                : ": " + entry.text().strip();
    }

    private static String callResult(String result) {
        return switch (result) {
            case "VERBAL_CONTACT" -> "verbal kontakt";
            case "NO_ANSWER" -> "ikke svar";
            case "NO_VERBAL_CONTACT" -> "ingen verbal kontakt";
            case "BUSY" -> "opptatt";
            case "LINE_FAILED" -> "linjefeil";
            default -> result;
        };
    }
}
