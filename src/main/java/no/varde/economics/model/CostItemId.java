package no.varde.economics.model;

import java.util.UUID;

public record CostItemId(UUID value) {

    public static CostItemId random() {
        return new CostItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
