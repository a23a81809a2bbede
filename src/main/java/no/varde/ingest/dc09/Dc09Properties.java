package no.varde.ingest.dc09;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SIA DC-09 receiver ({@code varde.ingest.dc09.*}). Port 0 picks a free port (tests).
 *
 * @param enabled whether the receiver listens at all
 * @param host the address to listen on
 * @param port TCP and UDP port (default 9999)
 * @param dedupWindow how long account + sequence identifies one event (sequences wrap at 9999)
 * @param acceptPast how old a frame's timestamp may be before it is answered NAK (DC-09: 40 s)
 * @param acceptFuture how far ahead a frame's timestamp may be (DC-09: 20 s)
 * @param idleTimeout a TCP connection without any frame for this long is closed
 * @param alertInterval at most one technical alarm per account and interval for undecryptable frames
 */
@ConfigurationProperties("varde.ingest.dc09")
public record Dc09Properties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("9999") int port,
        @DefaultValue("10m") Duration dedupWindow,
        @DefaultValue("40s") Duration acceptPast,
        @DefaultValue("20s") Duration acceptFuture,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("15m") Duration alertInterval) {}
