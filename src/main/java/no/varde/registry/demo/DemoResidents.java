package no.varde.registry.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceDraft;
import no.varde.registry.Devices;
import no.varde.registry.EntryMethod;
import no.varde.registry.Municipality;
import no.varde.registry.NationalId;
import no.varde.registry.ResidentDraft;
import no.varde.registry.Residents;
import no.varde.shared.ResidentId;
import org.springframework.stereotype.Component;

/**
 * Deterministic synthetic residents: the same seed gives the same people. Surnames are invented words
 * (Fiktivsen, Demoberg ...) so nobody mistakes them for real persons, and national ids are synthetic test
 * numbers (month + 80) that can never belong to a real person.
 */
@Component
class DemoResidents {

    private static final String[] GIVEN = {
        "Kari",
        "Ola",
        "Ingrid",
        "Nils",
        "Astrid",
        "Olav",
        "Solveig",
        "Arne",
        "Ragnhild",
        "Knut",
        "Gunvor",
        "Hans",
        "Borghild",
        "Per",
        "Magnhild",
        "Johan",
        "Sigrid",
        "Einar",
        "Turid",
        "Asbjørn",
        "Marit",
        "Leif",
        "Randi",
        "Oddvar",
        "Berit",
        "Harald",
        "Liv",
        "Trygve",
        "Aud",
        "Sverre"
    };
    private static final String[] FAMILY = {
        "Fiktivsen",
        "Demoberg",
        "Prøvestad",
        "Testvik",
        "Eksempeldal",
        "Oppdiktnes",
        "Skisseland",
        "Modellrud",
        "Utkastmo",
        "Tenktvold",
        "Lateseth",
        "Påstandø",
        "Diktersen",
        "Innbildal",
        "Oppspinnvik"
    };
    private static final String[] STREETS = {
        "Demoveien", "Fiktivgata", "Prøvestien", "Eksempelvegen", "Skisseveien", "Modellgata"
    };
    private static final String[] RELATIONS = {"datter", "sønn", "ektefelle", "nabo", "barnebarn", "bror", "søster"};
    private static final Map<String, String[]> POSTAL = Map.ofEntries(
            Map.entry("1811", new String[] {"7980", "Terråk"}),
            Map.entry("1812", new String[] {"8920", "Sømna"}),
            Map.entry("1813", new String[] {"8900", "Brønnøysund"}),
            Map.entry("1815", new String[] {"8980", "Vega"}),
            Map.entry("1816", new String[] {"8976", "Vevelstad"}),
            Map.entry("1818", new String[] {"8850", "Herøy"}),
            Map.entry("1820", new String[] {"8800", "Sandnessjøen"}),
            Map.entry("1822", new String[] {"8890", "Leirfjord"}),
            Map.entry("1824", new String[] {"8656", "Mosjøen"}),
            Map.entry("1825", new String[] {"8680", "Trofors"}),
            Map.entry("1826", new String[] {"8690", "Hattfjelldal"}),
            Map.entry("1827", new String[] {"8820", "Dønna"}),
            Map.entry("1828", new String[] {"8700", "Nesna"}),
            Map.entry("1832", new String[] {"8640", "Hemnesberget"}),
            Map.entry("1833", new String[] {"8622", "Mo i Rana"}),
            Map.entry("1834", new String[] {"8766", "Lurøy"}),
            Map.entry("1835", new String[] {"8770", "Træna"}),
            Map.entry("1836", new String[] {"8185", "Vågaholmen"}));

    private final Residents residents;
    private final Devices devices;

    DemoResidents(Residents residents, Devices devices) {
        this.residents = residents;
        this.devices = devices;
    }

    int create(List<Municipality> region, DemoProperties properties) {
        Random random = new Random(properties.seed());
        java.util.Set<String> usedIds = new java.util.HashSet<>();
        int serial = 0;
        int created = 0;
        for (Municipality municipality : region) {
            int count = (int) Math.round(municipality.population() * properties.residentShare());
            List<ResidentDraft> drafts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                drafts.add(resident(municipality, random, ++serial, usedIds));
            }
            List<ResidentId> ids = residents.createAll(AccessScope.all(), drafts);
            List<DeviceDraft> fleet = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                fleet.addAll(devicesOf(municipality, ids.get(i), random, serial - ids.size() + i + 1));
            }
            devices.createAll(AccessScope.all(), fleet);
            created += ids.size();
        }
        return created;
    }

    private static ResidentDraft resident(
            Municipality municipality, Random random, int serial, java.util.Set<String> usedIds) {
        String knr = municipality.kommunenummer().value();
        String[] postal = POSTAL.getOrDefault(knr, new String[] {"8000", municipality.name()});
        LocalDate birth = LocalDate.of(1926 + random.nextInt(34), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        EntryMethod entry = EntryMethod.values()[random.nextInt(3)];
        List<ResidentDraft.RelativeDraft> relatives = new ArrayList<>();
        int relativeCount = random.nextInt(4);
        for (int r = 0; r < relativeCount; r++) {
            relatives.add(new ResidentDraft.RelativeDraft(
                    GIVEN[random.nextInt(GIVEN.length)] + " " + family,
                    RELATIONS[random.nextInt(RELATIONS.length)],
                    "+479" + String.format("%07d", random.nextInt(10_000_000)),
                    random.nextBoolean()));
        }
        return new ResidentDraft(
                knr,
                given,
                family,
                birth.toString(),
                syntheticNationalId(birth, serial, usedIds),
                STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120)),
                postal[0],
                postal[1],
                "+4775" + String.format("%06d", random.nextInt(1_000_000)),
                random.nextInt(3) == 0 ? null : "+479" + String.format("%07d", random.nextInt(10_000_000)),
                entry.name(),
                switch (entry) {
                    case KEY_BOX -> "Nøkkelboks ved inngangsdøren, kode i hjemmetjenestens nøkkelsystem";
                    case E_LOCK -> "eLås på hoveddør, åpnes fra hjemmetjenestens app";
                    default -> "Nøkkel hos hjemmetjenesten, merket " + serial;
                },
                random.nextInt(4) == 0 ? "Hører dårlig; snakk tydelig og vent på svar." : null,
                "EPJ-" + knr + "-" + String.format("%06d", serial),
                true,
                relatives);
    }

    /** A synthetic fødselsnummer: birth date with month + 80, a serial individual number and check digits. */
    static String syntheticNationalId(LocalDate birth, int serial, java.util.Set<String> usedIds) {
        String date =
                String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue() + 80, birth.getYear() % 100);
        for (int individual = (serial * 7) % 500; ; individual = (individual + 1) % 500) {
            try {
                String id = NationalId.withCheckDigits(date + String.format("%03d", individual));
                if (NationalId.isValid(id) && usedIds.add(id)) {
                    return id;
                }
            } catch (IllegalArgumentException noCheckDigit) {
                // about one in eleven individual numbers has no valid check digit; try the next
            }
        }
    }

    private static List<DeviceDraft> devicesOf(
            Municipality municipality, ResidentId resident, Random random, int serial) {
        String knr = municipality.kommunenummer().value();
        List<DeviceDraft> result = new ArrayList<>();
        String controller = "47" + knr + String.format("%05d", serial);
        result.add(new DeviceDraft(
                knr,
                "SAFETY_ALARM",
                "Nordisk Trygghet",
                "Trygg 4G",
                controller,
                "1",
                null,
                null,
                "NT-" + controller,
                resident.toString(),
                "Stue",
                "ACTIVE"));
        if (random.nextInt(4) == 0) {
            result.add(new DeviceDraft(
                    knr,
                    "FALL_SENSOR",
                    "Nordisk Trygghet",
                    "Fall 2",
                    controller,
                    "5",
                    null,
                    null,
                    "NTF-" + controller,
                    resident.toString(),
                    "Håndledd",
                    "ACTIVE"));
        }
        if (random.nextInt(6) == 0) {
            result.add(new DeviceDraft(
                    knr,
                    "DOOR_SENSOR",
                    "Helgeland Sensor",
                    "Dør 1",
                    null,
                    null,
                    String.format("%06X", serial),
                    null,
                    null,
                    resident.toString(),
                    "Inngangsdør",
                    "ACTIVE"));
        }
        if (random.nextInt(8) == 0) {
            result.add(new DeviceDraft(
                    knr,
                    "GPS_TRACKER",
                    "Spor AS",
                    "GPS Klokke",
                    null,
                    null,
                    null,
                    "35" + String.format("%013d", 4_700_000_000L + serial),
                    null,
                    resident.toString(),
                    "Bæres",
                    "ACTIVE"));
        }
        if (random.nextInt(10) == 0) {
            result.add(new DeviceDraft(
                    knr,
                    "MEDICATION_DISPENSER",
                    "Dosetto",
                    "Dispenser M",
                    null,
                    null,
                    null,
                    null,
                    "DM-" + String.format("%06d", serial),
                    resident.toString(),
                    "Kjøkken",
                    "ACTIVE"));
        }
        return result;
    }
}
