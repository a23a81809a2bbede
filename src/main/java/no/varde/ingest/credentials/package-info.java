/** Per-device protocol credentials (SIP digest HA1, DC-09 AES keys) and the receivers' rate-limited alerts. */
@NullMarked
package no.varde.ingest.credentials;

import org.jspecify.annotations.NullMarked;
