package no.varde.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the audit trail every 30 seconds. Every node runs it; the advisory lock inside {@link AuditChain#seal}
 * lets one seal at a time, and a node that finds it taken simply skips the round.
 */
@Component
class AuditSealJob {

    private static final Logger log = LoggerFactory.getLogger(AuditSealJob.class);
    private static final int BATCH = 1_000;

    private final AuditChain chain;

    AuditSealJob(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT30S")
    void seal() {
        try {
            while (chain.seal(BATCH) == BATCH) {
                // a backlog (first run after an upgrade): keep going in bounded transactions
            }
        } catch (RuntimeException e) {
            log.warn("VARDE-AUDIT-0011: sealing the audit trail failed; the next round tries again", e);
        }
    }
}
