package no.varde.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database the application writes to flushes every commit: an acknowledged alarm is on disk, not only in a
 * buffer that a power cut or a killed server loses. Holds for the embedded database Varde starts itself and for the
 * external one CI runs the integration tests against.
 */
@SpringBootTest
class DurableDatabaseIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCommitIsFlushedToDisk() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void aStalledServerCannotHangARequestForever() {
        assertThat(setting("statement_timeout")).isEqualTo("30s");
        assertThat(setting("lock_timeout")).isEqualTo("10s");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
