package no.varde.registry;

import no.varde.shared.Kommunenummer;

public record Municipality(Kommunenummer kommunenummer, String name, int population) {}
