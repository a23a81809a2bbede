package no.varde.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts embedded PostgreSQL when no external database is configured. Production sets the standard
 * {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD},
 * and this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres postgres = EmbeddedPostgresServer.acquire(properties);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.databaseName()));
        config.setUsername("postgres");
        config.setPoolName("varde-embedded");
        config.setMaximumPoolSize(20);
        return new EmbeddedDataSource(config, EmbeddedPostgresServer.key(properties));
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
