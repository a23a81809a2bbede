package no.varde.fleet;

/**
 * What the devices of an incident have in common, checked in this order (a device is in one open incident at a time,
 * so the most specific cause takes it first). The registry has no network or operator field, so there is no network
 * dimension; the protocol a device was last heard through stands closest (a SCAIP or DC-09 receiver, an HTTP
 * integration).
 */
public enum IncidentDimension {
    VENDOR("d.vendor"),
    PROTOCOL("d.last_heard_source"),
    MUNICIPALITY("d.kommunenummer");

    final String column;

    IncidentDimension(String column) {
        this.column = column;
    }
}
