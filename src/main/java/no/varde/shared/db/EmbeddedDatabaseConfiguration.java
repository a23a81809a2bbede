package no.varde.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts embedded PostgreSQL when no external database is configured, in the development setup ({@code demo}
 * profile) and the tests only. Production sets the standard {@code SPRING_DATASOURCE_URL},
 * {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD}, and this configuration steps aside;
 * without them and without those profiles the application refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    /** Profiles in which Varde may start a database of its own: the development setup and the tests. */
    static final Set<String> EMBEDDED_PROFILES = Set.of("demo", "test");

    @Bean
    DataSource dataSource(EmbeddedDatabaseProperties properties, Environment environment) {
        requireDevelopmentProfile(environment);
        EmbeddedPostgres postgres = EmbeddedPostgresServer.acquire(properties);
        HikariConfig config = new HikariConfig();
        // The same pool and driver settings as an external database (timeouts, see application.yml).
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.databaseName()));
        config.setUsername("postgres");
        config.setPoolName("varde-embedded");
        config.setMaximumPoolSize(20);
        return new EmbeddedDataSource(config, EmbeddedPostgresServer.key(properties));
    }

    /**
     * A production node that lost its database settings must not quietly start on an empty throw-away database
     * and acknowledge alarms nobody will see: outside the development setup and the tests, no URL is an error.
     */
    static void requireDevelopmentProfile(Environment environment) {
        if (Arrays.stream(environment.getActiveProfiles()).noneMatch(EMBEDDED_PROFILES::contains)) {
            throw new IllegalStateException("VARDE-DB-0003: no database is configured. Set SPRING_DATASOURCE_URL,"
                    + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see docs/production.md), or start"
                    + " the development setup with its embedded database: bin/varde run (the 'demo' profile)");
        }
    }

    /** Closing the pool (Spring does, when the context closes) also releases the embedded server. */
    static final class EmbeddedDataSource extends HikariDataSource {

        private final String serverKey;
        private boolean released;

        EmbeddedDataSource(HikariConfig config, String serverKey) {
            super(config);
            this.serverKey = serverKey;
        }

        @Override
        public synchronized void close() {
            super.close();
            if (!released) {
                released = true;
                EmbeddedPostgresServer.release(serverKey);
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
