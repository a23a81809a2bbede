/** The reception port every protocol adapter hands its deliveries to: dedup, store, classify, durable receipt. */
@NullMarked
package no.varde.ingest.reception;

import org.jspecify.annotations.NullMarked;
