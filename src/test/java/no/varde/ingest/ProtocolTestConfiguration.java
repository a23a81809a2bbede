package no.varde.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.Receipt;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.ReceptionUnavailable;
import no.varde.ingest.reception.RejectedDelivery;
import no.varde.ingest.reception.RejectedDeliveryId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one test setup of the protocol receivers (one shared context): the real reception port, which a test can
 * switch to "unavailable" to see the receivers answer "not now" the way the port's contract says.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProtocolTestConfiguration {

    @Bean
    @Primary
    SwitchableReception switchableReception(@Qualifier("groupCommitReception") Reception direct) {
        return new SwitchableReception(direct);
    }

    /** Delegates to the real reception unless a test has made it unavailable. */
    public static class SwitchableReception implements Reception {

        private final Reception delegate;
        private final Semaphore refused = new Semaphore(0);
        private volatile boolean unavailable;
        private volatile Duration delay = Duration.ZERO;

        SwitchableReception(Reception delegate) {
            this.delegate = delegate;
        }

        /** One permit per delivery refused while unavailable: tests wait on it instead of on the clock. */
        public Semaphore refused() {
            return refused;
        }

        public void unavailable(boolean value) {
            refused.drainPermits(); // only refusals from now on count
            this.unavailable = value;
        }

        /** Makes every commit take at least this long (a slow database), so devices retransmit meanwhile. */
        public void delay(Duration value) {
            this.delay = value;
        }

        @Override
        public CompletableFuture<Receipt> submit(Delivery delivery) {
            if (unavailable) {
                refused.release();
                return CompletableFuture.failedFuture(
                        new ReceptionUnavailable("test: database away", Duration.ofSeconds(7)));
            }
            if (delay.isPositive()) {
                return CompletableFuture.supplyAsync(
                                () -> null, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> delegate.submit(delivery));
            }
            return delegate.submit(delivery);
        }

        @Override
        public RejectedDeliveryId reject(RejectedDelivery rejected) {
            return delegate.reject(rejected);
        }
    }
}
