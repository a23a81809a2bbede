/**
 * Text messages: the transactional outbox, the gateways, and delivery reports. Other modules queue messages through
 * {@link no.varde.dispatch.sms.SmsDelivery} and follow them through {@link no.varde.dispatch.sms.SmsStatusChanged}.
 */
@NullMarked
@NamedInterface("sms")
package no.varde.dispatch.sms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
