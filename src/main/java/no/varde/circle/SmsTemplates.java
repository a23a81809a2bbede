package no.varde.circle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The message templates for relatives, edited by system administrators. */
@Repository
public class SmsTemplates {

    private final JdbcClient jdbc;

    SmsTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SmsTemplate> all() {
        return jdbc.sql("select * from relative_sms_template order by position, code")
                .query((rs, row) -> new SmsTemplate(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("body"),
                        rs.getBoolean("allow_free_text"),
                        rs.getInt("position")))
                .list();
    }

    public Optional<SmsTemplate> find(String code) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    void save(SmsTemplate template, String by, Instant at) {
        jdbc.sql("""
                insert into relative_sms_template (code, name, body, allow_free_text, position, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, body = excluded.body,
                    allow_free_text = excluded.allow_free_text, position = excluded.position,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """)
                .params(
                        template.code(),
                        template.name(),
                        template.body(),
                        template.allowFreeText(),
                        template.position(),
                        by,
                        Timestamp.from(at))
                .update();
    }
}
