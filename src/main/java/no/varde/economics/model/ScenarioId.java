package no.varde.economics.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ScenarioId(@JsonValue UUID value) {

    public static ScenarioId random() {
        return new ScenarioId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
