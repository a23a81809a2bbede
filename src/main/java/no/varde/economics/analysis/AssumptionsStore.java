package no.varde.economics.analysis;

import no.varde.economics.EconomicsProperties;
import no.varde.economics.model.Assumptions;
import no.varde.economics.model.Nok;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The region's assumptions; the configured defaults until an analyst saves others. */
@Repository
public class AssumptionsStore {

    private final JdbcClient jdbc;
    private final EconomicsProperties properties;

    AssumptionsStore(JdbcClient jdbc, EconomicsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public Assumptions current() {
        return jdbc.sql("select * from economics_assumptions where id = 1")
                .query((rs, row) -> new Assumptions(
                        new Nok(rs.getBigDecimal("reference_cost_per_inhabitant")),
                        new Nok(rs.getBigDecimal("salary_per_fte")),
                        rs.getBigDecimal("hours_per_fte"),
                        rs.getInt("horizon_years")))
                .optional()
                .orElseGet(this::defaults);
    }

    public Assumptions defaults() {
        return new Assumptions(
                new Nok(properties.referenceCostPerInhabitant()),
                new Nok(properties.salaryPerFte()),
                properties.hoursPerFte(),
                properties.horizonYears());
    }

    /** Measured counts from 1 to below this are not printed in the exports' split basis. */
    public int suppressBelow() {
        return properties.suppressBelow();
    }

    /** The configured usage period of the split keys measured from operations, in complete months. */
    public int usageMonths() {
        return properties.usageMonths();
    }

    public int sensitivityPercent() {
        return properties.sensitivityPercent();
    }

    @Transactional
    public Assumptions save(Assumptions assumptions, String actor) {
        jdbc.sql("""
                insert into economics_assumptions (id, reference_cost_per_inhabitant, salary_per_fte, hours_per_fte,
                    horizon_years, updated_by, updated_at)
                values (1, :reference, :salary, :hours, :horizon, :actor, now())
                on conflict (id) do update set reference_cost_per_inhabitant = excluded.reference_cost_per_inhabitant,
                    salary_per_fte = excluded.salary_per_fte, hours_per_fte = excluded.hours_per_fte,
                    horizon_years = excluded.horizon_years, updated_by = excluded.updated_by, updated_at = now()
                """)
                .param("reference", assumptions.referenceCostPerInhabitant().amount())
                .param("salary", assumptions.salaryPerFte().amount())
                .param("hours", assumptions.hoursPerFte().setScale(2, java.math.RoundingMode.HALF_UP))
                .param("horizon", assumptions.horizonYears())
                .param("actor", actor)
                .update();
        return current();
    }
}
