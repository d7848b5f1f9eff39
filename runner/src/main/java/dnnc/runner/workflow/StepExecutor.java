package dnnc.runner.workflow;

/** Carries out a plugin step when a route reaches it. */
@FunctionalInterface
public interface StepExecutor {
    /**
     * @param repeat 0 normally; inside a workflow `loop`, the iteration index, so a repeated analysis can
     *               use other seeds and keep its results apart
     */
    void execute(StepSpec step, int repeat);
}
