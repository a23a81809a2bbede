package no.varde.audit;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.registry.NationalId;

/**
 * Fresh subjects for audit tests, made through the public API as an administrator would: residents with a unique
 * name and national id, and accounts nobody else uses. Tests share one database, and the audit rule (one READ per
 * user, resident and 10 minutes) absorbs a repeated read, so an assertion about the trail needs its own subjects.
 */
public final class AuditSubjects {

    /** Sends one API call as a user with a password; answers the status and body. */
    @FunctionalInterface
    public interface Api {
        Answer call(String method, String path, String json, String username, String password) throws Exception;
    }

    public record Answer(int status, String body) {}

    public record Resident(UUID id, String givenName, String familyName, String nationalId) {

        public String fullName() {
            return givenName + " " + familyName;
        }
    }

    public static final String PASSWORD = "audit trail test secret";

    private AuditSubjects() {}

    /** Letters only, so the name is a name: e.g. "Loggsen Qxvbk". Unique for all practical purposes. */
    public static String uniqueFamilyName() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return "Loggsen" + letters;
    }

    /** A resident of Brønnøy (1813), registered by the system administrator. */
    public static Resident resident(Api api, String givenName) throws Exception {
        return resident(api, givenName, "1813");
    }

    /** A resident of that municipality, registered by the system administrator. */
    public static Resident resident(Api api, String givenName, String kommunenummer) throws Exception {
        String familyName = uniqueFamilyName();
        for (int attempt = 0; attempt < 20; attempt++) {
            String nationalId = syntheticNationalId();
            String birth = "19" + nationalId.substring(4, 6) + "-"
                    + String.format("%02d", Integer.parseInt(nationalId.substring(2, 4)) - 80) + "-"
                    + nationalId.substring(0, 2);
            Answer answer = api.call(
                    "POST",
                    "/api/v1/residents",
                    """
                    {"kommunenummer": "%s", "givenName": "%s", "familyName": "%s", "birthDate": "%s",
                     "nationalId": "%s", "streetAddress": "Loggveien 1", "postalCode": "8900",
                     "postalPlace": "Brønnøysund", "entryMethod": "KEY_BOX"}
                    """.formatted(kommunenummer, givenName, familyName, birth, nationalId),
                    "sysadmin",
                    "varde-demo");
            if (answer.status() == 201) {
                return new Resident(
                        UUID.fromString(JsonPath.read(answer.body(), "$.id")), givenName, familyName, nationalId);
            }
            if (!answer.body().contains("nationalId")) {
                throw new AssertionError("registering a resident failed: " + answer);
            }
            // that national id is taken (the demo region uses synthetic ids too): try another
        }
        throw new AssertionError("no free synthetic national id in 20 attempts");
    }

    /** A device (SCAIP) of the resident, so alarms can be raised for them. Answers the controller id. */
    public static String device(Api api, Resident resident) throws Exception {
        String controller =
                "4718" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        Answer answer =
                api.call("POST", "/api/v1/devices", """
                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "Test", "model": "Logg",
                 "scaipControllerId": "%s", "scaipDeviceId": "1", "residentId": "%s", "placement": "Stue"}
                """.formatted(controller, resident.id()), "sysadmin", "varde-demo");
        if (answer.status() != 201) {
            throw new AssertionError("registering a device failed: " + answer);
        }
        return controller;
    }

    /** A new account of that role (bound to Brønnøy when the role is municipal); answers the username. */
    public static String account(Api api, String role) throws Exception {
        String username = "audit." + role.toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + UUID.randomUUID().toString().substring(0, 8);
        String binding = switch (role) {
            case "OPERATOR" -> "\"responseCentreId\": \"" + responseCentre(api) + "\"";
            case "MUNICIPAL_ADMIN", "HOME_CARE" -> "\"kommunenummer\": \"1813\"";
            default -> "\"kommunenummer\": null";
        };
        Answer answer = api.call(
                "POST", "/api/v1/accounts", """
                {"username": "%s", "displayName": "Logg Testesen", "role": "%s", %s, "password": "%s"}
                """.formatted(username, role, binding, PASSWORD), "sysadmin", "varde-demo");
        if (answer.status() != 201) {
            throw new AssertionError("creating an account failed: " + answer);
        }
        return username;
    }

    private static String responseCentre(Api api) throws Exception {
        Answer answer = api.call("GET", "/api/v1/response-centres", "", "sysadmin", "varde-demo");
        return JsonPath.read(answer.body(), "$[0].id");
    }

    /**
     * A synthetic national id (month + 80, as the tax administration's test numbers) of someone born 1930–1945;
     * individual numbers 000–499 are of the 1900s.
     */
    static String syntheticNationalId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String nine = String.format(
                    "%02d%02d%02d%03d",
                    random.nextInt(1, 29), 80 + random.nextInt(1, 13), random.nextInt(30, 46), random.nextInt(0, 500));
            try {
                return NationalId.withCheckDigits(nine);
            } catch (IllegalArgumentException noCheckDigit) {
                // that individual number has no valid check digit; try another
            }
        }
    }
}
