package no.varde.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The classification table (data, shown to admins). */
@Repository
public class AlarmTypeMappings {

    private static final RowMapper<AlarmTypeMapping> MAPPER = (rs, row) -> new AlarmTypeMapping(
            EventSource.valueOf(rs.getString("source")),
            rs.getString("code"),
            AlarmCategory.valueOf(rs.getString("category")),
            rs.getString("vkp_alert_code"),
            rs.getString("title_nb"),
            rs.getString("title_en"),
            rs.getInt("priority"),
            rs.getInt("claim_deadline_s"));

    private static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private volatile @Nullable Cached cached;

    AlarmTypeMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AlarmTypeMapping> all() {
        return jdbc.sql("select * from alarm_type_mapping order by source, category, priority, code")
                .query(MAPPER)
                .list();
    }

    /**
     * The mapping of a source's event code. The table is data that changes only with a migration, so it is read
     * once a minute instead of once per received event.
     */
    public Optional<AlarmTypeMapping> find(EventSource source, String code) {
        return Optional.ofNullable(
                table().get(source.name() + " " + code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The category an event of this code will get: unknown codes reach a human (ALARM). */
    public AlarmCategory categoryOf(EventSource source, String code) {
        return find(source, code).map(AlarmTypeMapping::category).orElse(AlarmCategory.ALARM);
    }

    private Map<String, AlarmTypeMapping> table() {
        Cached current = cached;
        Instant now = Instant.now(); // a cache age, not domain time
        if (current == null || current.readAt().isBefore(now.minus(CACHE_FOR))) {
            Map<String, AlarmTypeMapping> table = new HashMap<>();
            all().forEach(m -> table.put(m.source().name() + " " + m.code(), m));
            current = new Cached(Map.copyOf(table), now);
            cached = current;
        }
        return current.table();
    }

    private record Cached(Map<String, AlarmTypeMapping> table, Instant readAt) {}

    public List<String> codes(EventSource source) {
        return jdbc.sql("select code from alarm_type_mapping where source = ? order by code")
                .param(source.name())
                .query(String.class)
                .list();
    }
}
