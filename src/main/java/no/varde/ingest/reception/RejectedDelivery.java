package no.varde.ingest.reception;

import java.util.List;
import no.varde.shared.EventSource;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Malformed input, kept raw with the reasons for inspection. */
public record RejectedDelivery(
        EventSource source,
        @Nullable String sender,
        @Nullable String contentType,
        byte[] raw,
        List<FieldProblem> problems) {}
