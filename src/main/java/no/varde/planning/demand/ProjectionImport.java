package no.varde.planning.demand;

import java.nio.charset.StandardCharsets;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import org.springframework.stereotype.Service;

/** Imports a projection file whole, or nothing (every bad cell reported). */
@Service
public class ProjectionImport {

    private final Populations populations;
    private final Municipalities municipalities;

    ProjectionImport(Populations populations, Municipalities municipalities) {
        this.populations = populations;
        this.municipalities = municipalities;
    }

    public ProjectionCsv.Projection importFile(byte[] content, String fileName, String actor) {
        String text = new String(content, StandardCharsets.UTF_8);
        ProjectionCsv.Projection projection = ProjectionCsv.parse(
                text, k -> Kommunenummer.parse(k).filter(municipalities::exists).isPresent());
        String firstLine = text.replace("\uFEFF", "")
                .lines()
                .findFirst()
                .orElse("")
                .replace("\"", "")
                .strip();
        String label = firstLine.toLowerCase(java.util.Locale.ROOT).startsWith("region") ? fileName : firstLine;
        populations.replace(projection, fileName, label.length() > 300 ? label.substring(0, 300) : label, actor);
        return projection;
    }
}
