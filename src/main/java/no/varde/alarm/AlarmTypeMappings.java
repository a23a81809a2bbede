package no.varde.alarm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The classification table (data, shown to admins). */
@Repository
public class AlarmTypeMappings {

    private static final RowMapper<AlarmTypeMapping> MAPPER = (rs, row) -> new AlarmTypeMapping(
            rs.getString("source"),
            rs.getString("code"),
            AlarmCategory.valueOf(rs.getString("category")),
            rs.getString("vkp_alert_code"),
            rs.getString("title_nb"),
            rs.getString("title_en"),
            rs.getInt("priority"),
            rs.getInt("claim_deadline_s"));

    private final JdbcClient jdbc;

    AlarmTypeMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AlarmTypeMapping> all() {
        return jdbc.sql("select * from alarm_type_mapping order by source, category, priority, code")
                .query(MAPPER)
                .list();
    }

    public Optional<AlarmTypeMapping> find(String source, String code) {
        return jdbc.sql("select * from alarm_type_mapping where source = ? and code = ?")
                .params(source, code.strip().toUpperCase(Locale.ROOT))
                .query(MAPPER)
                .optional();
    }

    public List<String> codes(String source) {
        return jdbc.sql("select code from alarm_type_mapping where source = ? order by code")
                .param(source)
                .query(String.class)
                .list();
    }
}
