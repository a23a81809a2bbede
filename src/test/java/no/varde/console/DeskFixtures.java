package no.varde.console;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo devices for the desk's tests: one per resident without recent alarms, so no alarm counts as a repeat. */
public final class DeskFixtures {

    private DeskFixtures() {}

    /** {controller id, device id} of {@code count} safety alarms in Brønnøy, each of a different resident. */
    public static List<String[]> residentDevices(JdbcClient jdbc, int count) {
        return jdbc.sql(
                        "select distinct on (resident_id) scaip_controller_id, coalesce(scaip_device_id, '') from device"
                                + " where type = 'SAFETY_ALARM' and resident_id is not null and scaip_controller_id is not null"
                                + " and kommunenummer = '1813'"
                                // no recent alarm of the resident (another class's, in a shared database): a new
                                // one would be a repeat, and a repeat is raised in priority
                                + " and not exists (select 1 from alarm a where a.resident_id = device.resident_id"
                                + " and a.received_at > now() - interval '2 hours')"
                                + " order by resident_id, scaip_controller_id limit ?")
                .param(count)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }
}
