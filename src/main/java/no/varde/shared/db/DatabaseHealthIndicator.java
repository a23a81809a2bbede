package no.varde.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database part of {@code /actuator/health}, answering within a bounded time. The standard indicator asks
 * PostgreSQL and waits for the answer; a stalled server (stopped, network cut without a reset) never answers, and
 * the health check then hangs for as long as the driver's socket timeout instead of reporting DOWN, so a load
 * balancer keeps sending alarms to a node that cannot store them. Replaces the standard {@code db} indicator (the
 * bean name is what Spring Boot's own indicator steps aside for).
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private @Nullable CompletableFuture<String> pending;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        CompletableFuture<String> check = check();
        try {
            String version = check.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("database", "PostgreSQL " + version).build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "PostgreSQL did not answer within " + ANSWER_WITHIN.toSeconds() + " s")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getCause()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /** At most one check waits on the database at a time; a stalled one is reused, not piled on. */
    private synchronized CompletableFuture<String> check() {
        if (pending == null || pending.isDone()) {
            pending = CompletableFuture.supplyAsync(
                    this::ask, command -> Thread.ofVirtual().name("db-health").start(command));
        }
        return pending;
    }

    private String ask() {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout((int) ANSWER_WITHIN.toSeconds());
            try (var result = statement.executeQuery("show server_version")) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
