package no.varde.dispatch.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import no.varde.alarm.AlarmId;
import no.varde.alarm.CalloutTimeline;
import no.varde.dispatch.CalloutId;
import no.varde.dispatch.DispatchProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox of text messages. A message is stored in the transaction that decides to send it and
 * handed to the gateway right after commit, outside any transaction; failures are retried with a doubling pause
 * until {@code max-attempts}, then marked FAILED and put on the alarm's timeline so the operator phones instead.
 */
@Component
public class SmsDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

    private final SmsMessages messages;
    private final SmsGateway gateway;
    private final CalloutTimeline timeline;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Executor executor;
    private final DispatchProperties.Sms properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SmsDelivery(
            SmsMessages messages,
            SmsGateway gateway,
            CalloutTimeline timeline,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") Executor executor,
            DispatchProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.gateway = gateway;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.executor = executor;
        this.properties = properties.sms();
        this.clock = clock;
    }

    /** Stores the message in the caller's transaction; it is sent once that transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queue(@Nullable CalloutId calloutId, String recipientName, String phone, String text) {
        UUID id = UUID.randomUUID();
        messages.insert(
                id, calloutId, recipientName, phone, text, properties.mode().name(), clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(SmsDelivery.this::deliverDue);
            }
        });
        return id;
    }

    @Scheduled(
            fixedDelayString = "${varde.dispatch.sms.retry-check-interval:5s}",
            initialDelayString = "${varde.dispatch.sms.retry-check-interval:5s}")
    void scheduled() {
        deliverDue();
    }

    /** Sends every due message; returns how many were handed to the gateway (successfully or not). */
    public int deliverDue() {
        int handled = 0;
        List<SmsMessage> batch;
        do {
            Instant now = clock.instant();
            Instant lease = now.plus(properties.timeout().multipliedBy(2)).plusSeconds(30);
            batch = transactions.execute(
                    status -> messages.claimDue(properties.mode().name(), now, lease, 20));
            if (batch == null) {
                return handled;
            }
            for (SmsMessage message : batch) {
                deliver(message);
                handled++;
            }
        } while (!batch.isEmpty());
        return handled;
    }

    private void deliver(SmsMessage message) {
        try {
            SmsStatus status = gateway.send(message.id(), message.recipient(), message.text());
            transactions.executeWithoutResult(tx -> {
                Instant at = clock.instant();
                if (messages.delivered(message.id(), status, at) > 0) {
                    events.publishEvent(new SmsStatusChanged(message.id(), status, null, at));
                }
            });
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.attempts() >= properties.maxAttempts()) {
                log.error(
                        "VARDE-DISPATCH-0011: SMS {} to {} failed for good after {} attempts: {}",
                        message.id(),
                        message.recipientName(),
                        message.attempts(),
                        reason);
                transactions.executeWithoutResult(status -> {
                    Instant at = clock.instant();
                    if (messages.failed(message.id(), reason, at) > 0) {
                        events.publishEvent(new SmsStatusChanged(message.id(), SmsStatus.FAILED, reason, at));
                    }
                    recordOnTimeline(message, reason);
                });
            } else {
                Duration pause = properties.retryBackoff().multipliedBy(1L << Math.min(message.attempts() - 1, 10));
                log.warn(
                        "VARDE-DISPATCH-0012: SMS {} to {} failed (attempt {}), retrying in {}: {}",
                        message.id(),
                        message.recipientName(),
                        message.attempts(),
                        pause,
                        reason);
                messages.retryLater(message.id(), reason, clock.instant().plus(pause));
            }
        }
    }

    /**
     * The gateway's delivery report: the message reached the phone ({@link SmsStatus#DELIVERED}) or could not be
     * delivered ({@link SmsStatus#FAILED}, with the gateway's reason). Idempotent: a repeated report, or one for a
     * message already in that state, changes nothing; a report never takes a delivered message back to failed.
     *
     * @return the message's status after the report, or empty when no message has that id
     */
    @Transactional
    public java.util.Optional<SmsStatus> reportDelivery(UUID id, SmsStatus reported, @Nullable String reason) {
        if (reported != SmsStatus.DELIVERED && reported != SmsStatus.FAILED) {
            throw new IllegalArgumentException("a delivery report is DELIVERED or FAILED, not " + reported);
        }
        java.util.Optional<SmsMessage> message = messages.find(id);
        if (message.isEmpty()) {
            return java.util.Optional.empty();
        }
        Instant at = clock.instant();
        if (messages.reported(id, reported, reason, at) > 0) {
            events.publishEvent(new SmsStatusChanged(id, reported, reason, at));
            if (reported == SmsStatus.FAILED) {
                recordOnTimeline(message.get(), reason == null ? "reported undeliverable" : reason);
            }
            return java.util.Optional.of(reported);
        }
        return messages.find(id).map(SmsMessage::status);
    }

    private void recordOnTimeline(SmsMessage message, String reason) {
        if (message.calloutId() == null) {
            return;
        }
        jdbc.sql("select alarm_id from callout where id = ?")
                .param(message.calloutId().value())
                .query(UUID.class)
                .optional()
                .ifPresent(alarm -> timeline.recordProblem(
                        new AlarmId(alarm),
                        "SMS_FAILED",
                        "SMS til " + message.recipientName() + " kunne ikke sendes (" + reason
                                + "); ring kontakten direkte",
                        Map.of(
                                "recipient",
                                message.recipientName(),
                                "smsId",
                                message.id().toString())));
    }
}
