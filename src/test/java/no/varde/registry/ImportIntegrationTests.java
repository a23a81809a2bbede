package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** CSV imports report every bad row by line and column and import nothing when any row is bad. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badMunicipalityRowsAreAllReportedAndNothingIsImported() throws Exception {
        String csv = """
                kommunenummer;kommune;innbyggere;lisens_nok
                1899;Prøvekommune;1200;
                18x1;Feilnummer;100;
                1898;;-5;
                1899;Dobbel;10;
                """;
        mvc.perform(post("/api/v1/imports/municipalities")
                        .contentType("text/csv")
                        .content(csv)
                        .with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("kommunenummer"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("kommune"))
                .andExpect(jsonPath("$.errors[2].column").value("innbyggere"))
                .andExpect(jsonPath("$.errors[3].line").value(5));
        assertThat(count("select count(*) from municipality where kommunenummer in ('1899', '1898')"))
                .isZero();
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        mvc.perform(post("/api/v1/imports/municipalities")
                        .contentType("text/csv")
                        .content("kommunenummer;kommune\n1899;X\n")
                        .with(httpBasic("sysadmin", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].column").value("innbyggere"));
    }

    @Test
    void residentImportIsAllOrNothingAndScopedToTheAdminsMunicipality() throws Exception {
        String good = syntheticId("128145", 300);
        String other = syntheticId("138145", 300);
        String csv = "kommunenummer;given_name;family_name;birth_date;national_id;street_address;postal_code;"
                + "postal_place;entry_method;relative1_name;relative1_phone;relative1_sms_consent\n"
                + "1813;Ida;Importsen;1945-01-12;" + good + ";Importveien 1;8900;Brønnøysund;KEY_BOX;Per Importsen;"
                + "+4791234567;ja\n"
                + "1833;Ivar;Importsen;1945-01-13;" + other + ";Importveien 2;8622;Mo i Rana;E_LOCK;;;\n"
                + "1813;;Importsen;1945-02-30;123;Importveien 3;89;Brønnøysund;DOOR;Navn;12;nei\n";
        long before = count("select count(*) from resident");
        mvc.perform(post("/api/v1/imports/residents")
                        .contentType("text/csv")
                        .content(csv)
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.line == 3 && @.column == 'kommunenummer')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'given_name')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'birth_date')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'national_id')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'postal_code')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'entry_method')]")
                        .exists())
                .andExpect(jsonPath("$.errors[?(@.line == 4 && @.column == 'relative1_phone')]")
                        .exists());
        assertThat(count("select count(*) from resident")).isEqualTo(before);

        String onlyGood = csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow();
        mvc.perform(post("/api/v1/imports/residents")
                        .contentType("text/csv")
                        .content(onlyGood)
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(count("select count(*) from resident")).isEqualTo(before + 1);
        assertThat(count("select count(*) from relative r join resident x on x.id = r.resident_id"
                        + " where x.family_name = 'Importsen' and r.phone = '+4791234567'"))
                .isEqualTo(1);
        // the declared consent is a consent record: who entered it (the importing admin) and when
        assertThat(count("select count(*) from relative_consent c join resident x on x.id = c.resident_id"
                        + " where x.family_name = 'Importsen' and c.phone = '+4791234567' and c.withdrawn_at is null"
                        + " and c.granted_by = 'admin.bronnoy' and c.granted_at > now() - interval '5 minutes'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event a join resident x on x.id = a.resident_id"
                        + " where x.family_name = 'Importsen' and a.username = 'admin.bronnoy'"
                        + " and a.what like 'SMS consent of relative Per Importsen recorded%'"))
                .isEqualTo(1);

        String devices = "kommunenummer;type;vendor;model;scaip_controller_id;scaip_device_id;resident_national_id\n"
                + "1813;SAFETY_ALARM;Testleverandør;T1;99001;1;" + good + "\n"
                + "1813;SAFETY_ALARM;Testleverandør;T1;99001;1;" + good + "\n";
        mvc.perform(post("/api/v1/imports/devices")
                        .contentType("text/csv")
                        .content(devices)
                        .with(httpBasic("admin.bronnoy", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.line == 3 && @.column == 'scaip_device_id')]")
                        .exists());
        assertThat(count("select count(*) from device where scaip_controller_id = '99001'"))
                .isZero();
    }

    /** A synthetic national id for the date part, the first individual number from {@code from} with check digits. */
    private static String syntheticId(String date, int from) {
        for (int individual = from; ; individual++) {
            try {
                return NationalId.withCheckDigits(date + individual);
            } catch (IllegalArgumentException noCheckDigit) {
                // try the next individual number
            }
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
