package no.varde.ingest.reception;

/**
 * Reception's lanes. A delivery with an event that needs a person goes ahead of technical and supervision
 * events, so a storm of battery reports or heartbeats never delays a fresh alarm.
 */
enum Lane {
    HUMAN,
    OTHER
}
