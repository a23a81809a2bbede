package no.varde.economics.model;

import java.math.BigDecimal;

/** A municipality's answer on what welfare technology costs it today, per year. */
public record AsIsCosts(
        Nok licence,
        Nok operationsAgreement,
        Nok integration,
        Nok administration,
        Nok storageServer,
        BigDecimal manualFollowUpHours) {

    public AsIsCosts {
        if (licence.isNegative()
                || operationsAgreement.isNegative()
                || integration.isNegative()
                || administration.isNegative()
                || storageServer.isNegative()
                || manualFollowUpHours.signum() < 0) {
            throw new IllegalArgumentException("VARDE-ECON-0004: as-is costs and hours must not be negative");
        }
    }

    /** Licence, operations agreement, integration, administration and storage/servers. */
    public Nok direct() {
        return licence.plus(operationsAgreement)
                .plus(integration)
                .plus(administration)
                .plus(storageServer);
    }

    public AsIsCosts scaled(BigDecimal costFactor, BigDecimal hoursFactor) {
        return new AsIsCosts(
                licence.times(costFactor),
                operationsAgreement.times(costFactor),
                integration.times(costFactor),
                administration.times(costFactor),
                storageServer.times(costFactor),
                manualFollowUpHours.multiply(hoursFactor));
    }
}
