package no.varde.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import no.varde.ingest.reception.RejectedDeliveryId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Input the receivers rejected, kept raw for inspection by system administrators. */
@Service
public class RejectedInputs {

    /** Bodies longer than this are cut for display; the stored bytes stay whole. */
    static final int SHOWN_BODY_CHARS = 20_000;

    private final JdbcClient jdbc;

    RejectedInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest rejected inputs, newest first. */
    public List<RejectedInput> latest(int limit) {
        return jdbc.sql("select id, received_at, source, sender, content_type, body, problems::text as problems"
                        + " from rejected_input order by received_at desc, id desc limit ?")
                .param(limit)
                .query((rs, row) -> new RejectedInput(
                        new RejectedDeliveryId(rs.getLong("id")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("source"),
                        rs.getString("sender"),
                        rs.getString("content_type"),
                        text(rs.getBytes("body")),
                        rs.getString("problems")))
                .list();
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + " …" : text;
    }

    /** One rejected input; the body decoded as UTF-8 (invalid bytes shown as replacement characters). */
    public record RejectedInput(
            RejectedDeliveryId id,
            Instant receivedAt,
            String source,
            @Nullable String sender,
            @Nullable String contentType,
            String body,
            String problems) {}
}
