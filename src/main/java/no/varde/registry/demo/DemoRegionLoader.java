package no.varde.registry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.varde.registry.CalloutContact;
import no.varde.registry.HomeCareTeam;
import no.varde.registry.HomeCareTeams;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.registry.ResponseCentre;
import no.varde.registry.ResponseCentres;
import no.varde.registry.imports.MunicipalityImport;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Helgeland demo region into an empty database: the 18 municipalities, one response centre serving
 * them all, a home-care team per municipality with a call-out chain, and synthetic residents with devices.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("varde.demo.enabled")
class DemoRegionLoader implements ApplicationRunner {

    static final UUID RESPONSE_CENTRE_ID = UUID.fromString("5e1a0c3b-0000-4000-8000-000000001833");
    private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);

    private final DemoProperties properties;
    private final ResourceLoader resources;
    private final MunicipalityImport municipalityImport;
    private final Municipalities municipalities;
    private final ResponseCentres responseCentres;
    private final HomeCareTeams teams;
    private final DemoResidents residents;
    private final TransactionTemplate transaction;

    DemoRegionLoader(
            DemoProperties properties,
            ResourceLoader resources,
            MunicipalityImport municipalityImport,
            Municipalities municipalities,
            ResponseCentres responseCentres,
            HomeCareTeams teams,
            DemoResidents residents,
            TransactionTemplate transaction) {
        this.properties = properties;
        this.resources = resources;
        this.municipalityImport = municipalityImport;
        this.municipalities = municipalities;
        this.responseCentres = responseCentres;
        this.teams = teams;
        this.residents = residents;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!municipalities.all().isEmpty()) {
            log.info("Demo region: the database already holds a region; nothing loaded");
            return;
        }
        SystemUser.runAs("demo-loader", () -> transaction.executeWithoutResult(status -> load()));
    }

    private void load() {
        List<Municipality> region = municipalityImport.importCsv(readRegionFile());
        responseCentres.save(new ResponseCentre(
                RESPONSE_CENTRE_ID,
                "Helgeland responssenter",
                "+4775100113",
                Kommunenummer.of("1833"),
                region.stream().map(Municipality::kommunenummer).toList()));
        for (Municipality municipality : region) {
            teams.save(teamOf(municipality));
        }
        int created = residents.create(region, properties);
        log.info(
                "Demo region loaded: {} municipalities, 1 response centre, {} home-care teams, {} synthetic residents",
                region.size(),
                region.size(),
                created);
    }

    private static HomeCareTeam teamOf(Municipality municipality) {
        String digits = municipality.kommunenummer().value();
        return new HomeCareTeam(
                UUID.nameUUIDFromBytes(("team-" + digits).getBytes(StandardCharsets.UTF_8)),
                municipality.kommunenummer(),
                "Hjemmetjenesten " + municipality.name(),
                "+47750" + digits + "0",
                null,
                List.of(
                        new CalloutContact(1, "Vakttelefon hjemmetjenesten", "Vakthavende", "+47750" + digits + "1"),
                        new CalloutContact(2, "Fagansvarlig sykepleier", "Sykepleier", "+47750" + digits + "2"),
                        new CalloutContact(3, "Tjenesteleder", "Leder", "+47750" + digits + "3")));
    }

    private String readRegionFile() {
        String location = properties.regionFile();
        if (!location.contains(":")) {
            location = "file:" + location;
        }
        try (var in = resources.getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DEMO-0001: cannot read the demo region " + location, e);
        }
    }
}
