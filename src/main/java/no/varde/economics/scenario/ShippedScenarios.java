package no.varde.economics.scenario;

import java.math.BigDecimal;
import java.util.List;
import no.varde.economics.model.CostItem;
import no.varde.economics.model.CostItemId;
import no.varde.economics.model.CostKind;
import no.varde.economics.model.Nok;
import no.varde.economics.model.Scenario;
import no.varde.economics.model.ScenarioId;
import no.varde.economics.model.SplitKey;

/**
 * The two futures of the source analysis: one shared platform incl. VKP and 6 FTE of shared staffing, with
 * either a new shared response centre or a connection to an existing one.
 */
public final class ShippedScenarios {

    private ShippedScenarios() {}

    public static List<Scenario> all() {
        return List.of(newSharedCentre(), connectionToExisting());
    }

    public static Scenario newSharedCentre() {
        return scenario(
                "Scenario 1: Nytt felles responssenter",
                "Felles velferdsteknologisk plattform inkl. VKP, og et nytt felles responssenter i regionen med "
                        + "6 årsverk felles bemanning. Etablering av senteret er en engangskostnad.",
                new CostItem(
                        CostItemId.random(),
                        "Etablering av responssenter",
                        CostKind.ONE_OFF,
                        Nok.of(4_500_000),
                        BigDecimal.ZERO,
                        SplitKey.flatAndPopulation(20)));
    }

    public static Scenario connectionToExisting() {
        return scenario(
                "Scenario 2: Tilknytning til eksisterende responssenter",
                "Felles velferdsteknologisk plattform inkl. VKP, og tilknytning til et eksisterende responssenter "
                        + "med 6 årsverk felles bemanning. Tilknytningen er en engangskostnad.",
                new CostItem(
                        CostItemId.random(),
                        "Tilknytning til eksisterende responssenter",
                        CostKind.ONE_OFF,
                        Nok.of(2_000_000),
                        BigDecimal.ZERO,
                        SplitKey.flatAndPopulation(20)));
    }

    private static Scenario scenario(String name, String description, CostItem responseCentre) {
        return new Scenario(
                ScenarioId.random(),
                name,
                description,
                BigDecimal.ZERO,
                List.of(
                        new CostItem(
                                CostItemId.random(),
                                "Felles velferdsteknologisk plattform inkl. VKP",
                                CostKind.ANNUAL,
                                Nok.of(5_500_000),
                                BigDecimal.ZERO,
                                SplitKey.flatAndPopulation(40)),
                        new CostItem(
                                CostItemId.random(),
                                "Felles bemanning responssenter (6 årsverk)",
                                CostKind.ANNUAL,
                                Nok.of(7_000_000),
                                BigDecimal.valueOf(6),
                                SplitKey.flatAndPopulation(20)),
                        responseCentre));
    }
}
