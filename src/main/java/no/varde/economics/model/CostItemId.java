package no.varde.economics.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record CostItemId(@JsonValue UUID value) {

    public static CostItemId random() {
        return new CostItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
