package dev.dojo.main.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalBudgetsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final BucketConfiguration tenAMinute = BudgetsFactory.window(10, Duration.ofMinutes(1));

    private LocalBudgets budgets(int maxClients) {
        return new LocalBudgets(new RateLimitSettings(List.of("/auth/login"), 10, null, Duration.ofMinutes(1),
                maxClients, null, null, null), clock);
    }

    @Test
    void aFloodOfAddressesStaysWithinTheBound() {
        LocalBudgets budgets = budgets(100);
        for (int i = 0; i < 20_000; i++) {
            String client = "10.0." + (i >> 8) + "." + (i & 255);
            assertTrue(budgets.take(client + " /auth/login", tenAMinute).join().isConsumed());
        }
        assertTrue(budgets.size() <= 100, "held " + budgets.size());
        // the bound holds budgets, it does not drop them all: the latest clients are still counted
        assertTrue(budgets.size() > 0, "held none");
    }

    @Test
    void theEleventhWithinTheWindowWaitsForTheWholeRefill() {
        LocalBudgets budgets = budgets(100);
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                nanos.addAndGet(Duration.ofSeconds(5).toNanos());
            }
            assertTrue(budgets.take("a", tenAMinute).join().isConsumed(), "attempt " + (i + 1));
        }
        ConsumptionProbe refused = budgets.take("a", tenAMinute).join();
        assertFalse(refused.isConsumed());
        assertEquals(Duration.ofSeconds(15).toNanos(), refused.getNanosToWaitForRefill(),
                "the budget comes back a minute after the first attempt");
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertTrue(budgets.take("a", tenAMinute).join().isConsumed());
    }
}
