/** The reception port: the one door through which every protocol adapter commits what devices send. */
@NullMarked
package no.varde.ingest.reception;

import org.jspecify.annotations.NullMarked;
