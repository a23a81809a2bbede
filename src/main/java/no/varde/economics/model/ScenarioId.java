package no.varde.economics.model;

import java.util.UUID;

public record ScenarioId(UUID value) {

    public static ScenarioId random() {
        return new ScenarioId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
