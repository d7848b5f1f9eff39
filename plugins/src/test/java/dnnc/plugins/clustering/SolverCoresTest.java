package dnnc.plugins.clustering;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SolverCoresTest {
    @Test
    void aSolveAloneGetsTwoCoresAndTwoSolvesAtOnceOneEach() throws Exception {
        Semaphore twoCores = new Semaphore(2, true);
        SolverCores.Lease first = SolverCores.take(twoCores, true);
        assertEquals(2, first.count());
        CompletableFuture<SolverCores.Lease> second = CompletableFuture.supplyAsync(() -> SolverCores.take(twoCores, true));
        Thread.sleep(100);
        assertFalse(second.isDone(), "a second solve waits while the first holds both cores");
        first.close();
        SolverCores.Lease waited = second.get(10, TimeUnit.SECONDS);
        assertEquals(1, waited.count(), "it takes the one core it waited for");
        try (SolverCores.Lease beside = SolverCores.take(twoCores, true)) {
            assertEquals(1, beside.count(), "one core is taken, so the next solve gets the other");
            assertEquals(0, twoCores.availablePermits());
        }
        waited.close();
        assertEquals(2, twoCores.availablePermits());
    }

    @Test
    void aSolveTooSmallToSplitTakesNoCoreFromTheBudget() {
        Semaphore twoCores = new Semaphore(2, true);
        try (SolverCores.Lease lease = SolverCores.take(twoCores, false)) {
            assertEquals(1, lease.count());
            assertEquals(2, twoCores.availablePermits());
        }
    }

    @Test
    void aMachineWithOneCoreSolvesOnIt() {
        Semaphore oneCore = new Semaphore(1, true);
        try (SolverCores.Lease lease = SolverCores.take(oneCore, true)) {
            assertEquals(1, lease.count());
        }
        assertEquals(1, oneCore.availablePermits());
    }
}
