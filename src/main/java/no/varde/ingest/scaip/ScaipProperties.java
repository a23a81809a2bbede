package no.varde.ingest.scaip;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SCAIP receiver ({@code varde.ingest.scaip.*}). Port 0 picks a free port (tests).
 *
 * @param enabled whether the receiver listens at all
 * @param host the address to listen on
 * @param port UDP and TCP port (SIP default 5060)
 * @param tlsPort TLS port (SIP default 5061); 0 picks a free one, -1 turns TLS off
 * @param tlsCertificate PEM certificate (chain) for TLS
 * @param tlsKey PEM private key (PKCS#8) for TLS
 * @param tlsSelfSigned when no certificate is configured, make a self-signed one in {@code tlsDirectory}
 *     (development only)
 * @param tlsDirectory where the self-signed certificate is kept
 * @param dedupWindow how long (cid, ref) identifies one event; devices reuse refs after it
 * @param heartbeatInterval the {@code hbi} code Varde assigns in its answer to heartbeats; empty: none
 * @param callHandling the {@code cre} code when the centre hands devices a number to call; empty: none
 * @param telephoneNumber the {@code tnu} number to call (with callHandling 62); empty: none
 * @param realm the SIP digest realm
 * @param nonceValidity how long a digest challenge stays valid
 * @param authFailureAlarmInterval at most one technical alarm per device per this interval for failed digests
 * @param voiceNoteWindow a refused voice call (INVITE) is noted on the device's latest open alarm received within
 *     this window; without one it is kept as raw input
 */
@ConfigurationProperties("varde.ingest.scaip")
public record ScaipProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("5060") int port,
        @DefaultValue("5061") int tlsPort,
        @Nullable Path tlsCertificate,
        @Nullable Path tlsKey,
        @DefaultValue("false") boolean tlsSelfSigned,
        @DefaultValue("data") Path tlsDirectory,
        @DefaultValue("10m") Duration dedupWindow,
        @DefaultValue("") String heartbeatInterval,
        @DefaultValue("") String callHandling,
        @DefaultValue("") String telephoneNumber,
        @DefaultValue("varde") String realm,
        @DefaultValue("5m") Duration nonceValidity,
        @DefaultValue("15m") Duration authFailureAlarmInterval,
        @DefaultValue("10m") Duration voiceNoteWindow) {

    public boolean tls() {
        return tlsPort >= 0 && (tlsSelfSigned || (tlsCertificate != null && tlsKey != null));
    }
}
