package no.varde.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two roles of the embedded database and their passwords, as production has them (docs/production.md): the
 * owner ({@value #OWNER}, the server's superuser here) runs the Flyway migrations and owns every table; the
 * application connects as {@value #APP} with only the grants the migrations give it, so it cannot change or
 * delete audit lines nor switch their triggers off. Every connection needs a password (scram-sha-256), also on
 * 127.0.0.1. A persistent server keeps the passwords in a secrets folder ({@code ./data/secrets} for the
 * development setup); the tests' throw-away servers get random ones.
 */
record EmbeddedDatabaseRoles(String ownerPassword, String appPassword) {

    static final String OWNER = "postgres";
    static final String APP = "varde_app";
    static final String OWNER_PASSWORD_FILE = "embedded-database.password";
    static final String APP_PASSWORD_FILE = "embedded-database-app.password";
    private static final String HBA_MARKER = "# Varde: every connection needs a password";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseRoles.class);

    /**
     * The passwords kept in the secrets folder (created on first use): the configured one, else {@code secrets}
     * beside a persistent data folder ({@code ./data/postgres} → {@code ./data/secrets}); random ones for a
     * throw-away server.
     */
    static EmbeddedDatabaseRoles load(EmbeddedDatabaseProperties properties) {
        Path folder;
        if (properties.secretsDirectory() != null
                && !properties.secretsDirectory().isBlank()) {
            folder = Path.of(properties.secretsDirectory()).toAbsolutePath();
        } else if (properties.dataDirectory() != null
                && !properties.dataDirectory().isBlank()) {
            folder = Path.of(properties.dataDirectory()).toAbsolutePath().resolveSibling("secrets");
        } else {
            return new EmbeddedDatabaseRoles(random(), random());
        }
        return new EmbeddedDatabaseRoles(
                password(folder.resolve(OWNER_PASSWORD_FILE)), password(folder.resolve(APP_PASSWORD_FILE)));
    }

    /**
     * A new server's initdb sets the superuser's password and password authentication; every connection the
     * library makes itself carries the password.
     */
    EmbeddedPostgres.Builder applyTo(EmbeddedPostgres.Builder builder) {
        try {
            Path pwfile = Files.createTempFile("varde-initdb", ".pw");
            pwfile.toFile().deleteOnExit();
            Files.writeString(pwfile, ownerPassword + "\n", StandardCharsets.UTF_8);
            return builder.setConnectConfig("password", ownerPassword)
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0010: could not write the embedded database's password", e);
        }
    }

    /**
     * After start: the owner's password set (a data folder made before passwords were required had none), the
     * application role present with its password and allowed to connect, and pg_hba.conf requiring passwords.
     */
    void secure(EmbeddedPostgres postgres, String databaseName) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + OWNER + " password " + literal(ownerPassword));
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP
                    + "') then create role " + APP + " login; end if; end $$");
            statement.execute("alter role " + APP + " login nosuperuser nocreatedb nocreaterole noreplication"
                    + " password " + literal(appPassword));
            statement.execute("grant connect on database \"" + databaseName.replace("\"", "") + "\" to " + APP);
            Path hba = Path.of(hbaPath(statement));
            if (!Files.readString(hba).contains(HBA_MARKER)) {
                Files.writeString(hba, """
                        %s (scram-sha-256), also on 127.0.0.1; written by EmbeddedDatabaseRoles.
                        local   all   all                  scram-sha-256
                        host    all   all   127.0.0.1/32   scram-sha-256
                        host    all   all   ::1/128        scram-sha-256
                        """.formatted(HBA_MARKER));
                statement.execute("select pg_reload_conf()");
                log.info("Embedded PostgreSQL now requires a password on every connection");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "VARDE-DB-0011: could not set up the embedded database's roles (is the password in the secrets"
                            + " folder the one this data folder was created with?)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0012: could not write the embedded database's pg_hba.conf", e);
        }
    }

    private static String hbaPath(java.sql.Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("show hba_file")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "EmbeddedDatabaseRoles[" + OWNER + ", " + APP + "]";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String password(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            String password = random();
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            log.warn("Created a new embedded-database password in {} (development setup)", file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0010: could not read or create " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
