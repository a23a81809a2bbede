package no.varde.circle;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resident's wishes about when each relative may be contacted, by phone number. */
@Repository
public class ContactWindows {

    private final JdbcClient jdbc;

    ContactWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, ContactWindow> of(ResidentId resident) {
        Map<String, ContactWindow> windows = new HashMap<>();
        jdbc.sql("select * from relative_contact_window where resident_id = ?")
                .param(resident.value())
                .query(rs -> {
                    windows.put(
                            rs.getString("phone"),
                            new ContactWindow(
                                    rs.getObject("not_from", LocalTime.class),
                                    rs.getObject("not_until", LocalTime.class),
                                    rs.getString("note")));
                });
        return windows;
    }

    void set(ResidentId resident, String phone, @Nullable ContactWindow window, String by, Instant at) {
        jdbc.sql("delete from relative_contact_window where resident_id = ? and phone = ?")
                .params(resident.value(), phone)
                .update();
        if (window != null) {
            jdbc.sql(
                            "insert into relative_contact_window (resident_id, phone, not_from, not_until, note, set_by, set_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            resident.value(),
                            phone,
                            window.notFrom(),
                            window.notUntil(),
                            window.note(),
                            by,
                            Timestamp.from(at))
                    .update();
        }
    }
}
