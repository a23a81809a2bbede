package no.varde.benefits;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The benefit plan: its indicators, the values entered by hand, and realised against planned. */
@Service
public class BenefitPlan {

    private final JdbcClient jdbc;
    private final OperationalFacts facts;
    private final BenefitsProperties properties;
    private final Clock clock;

    BenefitPlan(JdbcClient jdbc, OperationalFacts facts, BenefitsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.properties = properties;
        this.clock = clock;
    }

    public Suppression suppression() {
        return new Suppression(properties.suppressBelow());
    }

    public List<Indicator> indicators() {
        return jdbc.sql("select * from benefits_indicator order by area, name")
                .query(BenefitPlan::indicator)
                .list();
    }

    public Optional<Indicator> find(UUID id) {
        return jdbc.sql("select * from benefits_indicator where id = ?")
                .param(id)
                .query(BenefitPlan::indicator)
                .optional();
    }

    @Transactional
    public Indicator save(Indicator indicator) {
        jdbc.sql("""
                        insert into benefits_indicator (id, name, area, unit, owner_kommunenummer, baseline, baseline_note,
                            target, start_month, target_month, source, minutes_per_alarm, changed_by, changed_at)
                        values (:id, :name, :area, :unit, :owner, :baseline, :note, :target, :start, :targetMonth,
                            :source, :minutes, :by, :at)
                        on conflict (id) do update set name = excluded.name, area = excluded.area, unit = excluded.unit,
                            owner_kommunenummer = excluded.owner_kommunenummer, baseline = excluded.baseline,
                            baseline_note = excluded.baseline_note, target = excluded.target,
                            start_month = excluded.start_month, target_month = excluded.target_month,
                            source = excluded.source, minutes_per_alarm = excluded.minutes_per_alarm,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .param("id", indicator.id())
                .param("name", indicator.name())
                .param("area", indicator.area().name())
                .param("unit", indicator.unit())
                .param("owner", indicator.owner())
                .param("baseline", indicator.baseline())
                .param("note", indicator.baselineNote())
                .param("target", indicator.target())
                .param("start", Date.valueOf(indicator.startMonth().atDay(1)))
                .param("targetMonth", Date.valueOf(indicator.targetMonth().atDay(1)))
                .param("source", indicator.source().name())
                .param("minutes", indicator.minutesPerAlarm())
                .param("by", indicator.changedBy())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return indicator;
    }

    /** A value measured by hand (only for MANUAL indicators), recorded with who and when. */
    @Transactional
    public void record(
            Indicator indicator,
            YearMonth month,
            @Nullable String kommunenummer,
            BigDecimal value,
            String note,
            String enteredBy) {
        if (indicator.source() != MeasurementSource.MANUAL) {
            throw new IllegalArgumentException(
                    "VARDE-BEN-0002: " + indicator.name() + " is measured from operations, not entered by hand");
        }
        jdbc.sql("""
                        insert into benefits_measurement (indicator_id, month, kommunenummer, value, note, entered_by, entered_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        indicator.id(),
                        Date.valueOf(month.atDay(1)),
                        kommunenummer,
                        value,
                        note.strip(),
                        enteredBy,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Realised against planned from the indicator's start month to the current month. */
    public Realisation realisation(Indicator indicator, @Nullable String kommunenummer) {
        YearMonth to = facts.currentMonth();
        YearMonth from = indicator.startMonth();
        if (from.isAfter(to)) {
            from = to;
        }
        if (indicator.source() == MeasurementSource.MANUAL) {
            return Realisation.manual(indicator, kommunenummer, entries(indicator.id()), from, to);
        }
        return Realisation.measured(indicator, kommunenummer, facts.facts(from, to), from, to, suppression());
    }

    private Map<YearMonth, List<Realisation.Entry>> entries(UUID indicator) {
        Map<YearMonth, List<Realisation.Entry>> byMonth = new LinkedHashMap<>();
        jdbc.sql("select * from benefits_measurement where indicator_id = ? order by month, entered_at")
                .param(indicator)
                .query((rs, row) -> {
                    byMonth.computeIfAbsent(YearMonth.from(rs.getDate("month").toLocalDate()), m -> new ArrayList<>())
                            .add(new Realisation.Entry(
                                    rs.getString("kommunenummer"),
                                    rs.getBigDecimal("value"),
                                    rs.getString("note"),
                                    rs.getString("entered_by"),
                                    rs.getTimestamp("entered_at").toInstant().toString()));
                    return null;
                })
                .list();
        return byMonth;
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        return new Indicator(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                BenefitArea.valueOf(rs.getString("area")),
                rs.getString("unit"),
                rs.getString("owner_kommunenummer"),
                rs.getBigDecimal("baseline"),
                rs.getString("baseline_note"),
                rs.getBigDecimal("target"),
                YearMonth.from(rs.getDate("start_month").toLocalDate()),
                YearMonth.from(rs.getDate("target_month").toLocalDate()),
                MeasurementSource.valueOf(rs.getString("source")),
                rs.getBigDecimal("minutes_per_alarm"),
                rs.getString("changed_by"));
    }
}
