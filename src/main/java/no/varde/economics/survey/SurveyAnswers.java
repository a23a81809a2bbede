package no.varde.economics.survey;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.varde.economics.model.AsIsCosts;
import no.varde.economics.model.Nok;
import no.varde.economics.model.SurveyAnswer;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The as-is survey: one answer per municipality. */
@Repository
public class SurveyAnswers {

    private final JdbcClient jdbc;

    SurveyAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Kommunenummer, SurveyAnswer> all() {
        Map<Kommunenummer, SurveyAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("select * from economics_survey_answer order by kommunenummer")
                .query(SurveyAnswers::map)
                .list()
                .forEach(answer -> answers.put(answer.kommunenummer(), answer));
        return answers;
    }

    public Optional<SurveyAnswer> find(Kommunenummer kommunenummer) {
        return jdbc.sql("select * from economics_survey_answer where kommunenummer = ?")
                .param(kommunenummer.value())
                .query(SurveyAnswers::map)
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from economics_survey_answer")
                        .query(Long.class)
                        .single()
                == 0;
    }

    @Transactional
    public void save(SurveyAnswer answer, String actor) {
        AsIsCosts costs = answer.costs();
        jdbc.sql("""
                insert into economics_survey_answer (kommunenummer, licence, operations_agreement, integration,
                    administration, storage_server, manual_hours, active_devices, service_recipients,
                    alarms_per_year, handling_minutes, updated_by, updated_at)
                values (:k, :licence, :operations, :integration, :administration, :storage, :hours, :devices,
                    :recipients, :alarms, :minutes, :actor, now())
                on conflict (kommunenummer) do update set licence = excluded.licence,
                    operations_agreement = excluded.operations_agreement, integration = excluded.integration,
                    administration = excluded.administration, storage_server = excluded.storage_server,
                    manual_hours = excluded.manual_hours, active_devices = excluded.active_devices,
                    service_recipients = excluded.service_recipients, alarms_per_year = excluded.alarms_per_year,
                    handling_minutes = excluded.handling_minutes, updated_by = excluded.updated_by,
                    updated_at = now()
                """)
                .param("k", answer.kommunenummer().value())
                .param("licence", costs == null ? null : costs.licence().amount())
                .param(
                        "operations",
                        costs == null ? null : costs.operationsAgreement().amount())
                .param("integration", costs == null ? null : costs.integration().amount())
                .param(
                        "administration",
                        costs == null ? null : costs.administration().amount())
                .param("storage", costs == null ? null : costs.storageServer().amount())
                .param("hours", costs == null ? null : costs.manualFollowUpHours())
                .param("devices", answer.activeDevices())
                .param("recipients", answer.serviceRecipients())
                .param("alarms", answer.alarmsPerYear())
                .param("minutes", answer.handlingMinutes())
                .param("actor", actor)
                .update();
    }

    @Transactional
    public void saveAll(Collection<SurveyAnswer> answers, String actor) {
        answers.forEach(answer -> save(answer, actor));
    }

    private static SurveyAnswer map(ResultSet rs, int row) throws SQLException {
        BigDecimal licence = rs.getBigDecimal("licence");
        AsIsCosts costs = licence == null
                ? null
                : new AsIsCosts(
                        new Nok(licence),
                        new Nok(rs.getBigDecimal("operations_agreement")),
                        new Nok(rs.getBigDecimal("integration")),
                        new Nok(rs.getBigDecimal("administration")),
                        new Nok(rs.getBigDecimal("storage_server")),
                        rs.getBigDecimal("manual_hours"));
        return new SurveyAnswer(
                new Kommunenummer(rs.getString("kommunenummer")),
                costs,
                longOrNull(rs, "active_devices"),
                longOrNull(rs, "service_recipients"),
                longOrNull(rs, "alarms_per_year"),
                longOrNull(rs, "handling_minutes"));
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
