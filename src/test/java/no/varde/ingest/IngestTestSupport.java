package no.varde.ingest;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real demo data for ingest tests: devices of the demo region, the demo integration's token. */
public final class IngestTestSupport {

    public static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";

    private IngestTestSupport() {}

    public static String uniqueEventId() {
        return "test-" + UUID.randomUUID();
    }

    /** A safety alarm of the demo region assigned to a resident, as {@code cid}. */
    public static String safetyAlarmController(JdbcClient jdbc, String kommunenummer, int offset) {
        return jdbc.sql("select scaip_controller_id from device where type = 'SAFETY_ALARM' and kommunenummer = ?"
                        + " and resident_id is not null order by scaip_controller_id offset ? limit 1")
                .params(kommunenummer, offset)
                .query(String.class)
                .single();
    }

    public static String event(String eventId, String code, String controllerId) {
        return """
                {"eventId": "%s", "code": "%s", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"},
                 "text": "test event", "batteryPercent": 87, "location": "stue"}
                """.formatted(eventId, code, controllerId);
    }
}
