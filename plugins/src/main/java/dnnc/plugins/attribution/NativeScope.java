package dnnc.plugins.attribution;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/**
 * Runs a probe call inside a per-thread ND4J workspace, so the call's native temporaries are released when it
 * returns. Without it they wait for the Java garbage collector, which calls that allocate little on the Java heap
 * (one input gradient per neuron) never wake: a Taylor run on the decoder grew to 23 GB of native memory.
 * Safe because probes return Java arrays, never views into the workspace.
 */
final class NativeScope {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP).policySpill(SpillPolicy.REALLOCATE).build();

    private NativeScope() {
    }

    static <T> T run(Supplier<T> call) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager()
                .getAndActivateWorkspace(CONFIG, "dnnc-attribution-" + Thread.currentThread().getId())) {
            return call.get();
        }
    }
}
