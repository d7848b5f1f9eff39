package dnnc.runner.workflow;

/** Carries out a plugin step when a route reaches it. */
@FunctionalInterface
public interface StepExecutor {
    void execute(StepSpec step);
}
