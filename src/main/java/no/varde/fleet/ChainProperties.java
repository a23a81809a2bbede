package no.varde.fleet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chain supervision ({@code varde.fleet.chain.*}): what counts as an abnormal device in the alarm chain, when a
 * protocol's channel counts as quiet, and who is told when supervision itself stops.
 *
 * @param period the default period of the distributions (last 7 days)
 * @param maxDrift a device whose median received − occurred is longer than this is listed (delayed, buffered, or
 *     its clock behind)
 * @param maxAhead a device whose median received − occurred is below minus this is listed (its clock ahead of ours)
 * @param maxPressToOperator a device with an alarm that took longer than this from press to first shown is listed
 * @param channelQuietAfter a protocol with no report from any device for this long counts as quiet: the chain of
 *     residents whose devices use it is not green (no node may be receiving it)
 * @param onCallName the name on the message when supervision stops
 * @param onCallPhone where that message goes: the system administrators' on-call phone (empty: no message, only the
 *     in-app banner and the log)
 */
@ConfigurationProperties("varde.fleet.chain")
public record ChainProperties(
        @DefaultValue("7d") Duration period,
        @DefaultValue("60s") Duration maxDrift,
        @DefaultValue("5s") Duration maxAhead,
        @DefaultValue("60s") Duration maxPressToOperator,
        @DefaultValue("2h") Duration channelQuietAfter,
        @DefaultValue("Systemansvarlig (vakt)") String onCallName,
        @DefaultValue("") String onCallPhone) {}
