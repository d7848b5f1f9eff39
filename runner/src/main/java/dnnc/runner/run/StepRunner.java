package dnnc.runner.run;

import dnnc.api.Plugin;
import dnnc.api.PluginRef;
import dnnc.api.SeedRule;
import dnnc.api.Stage;
import dnnc.runner.PluginCatalog;
import dnnc.runner.workflow.PluginSteps;
import dnnc.runner.workflow.StepExecutor;
import dnnc.runner.workflow.StepSpec;

import java.util.Map;

/** Runs each plugin step through its kind's stage, on record. */
public final class StepRunner implements StepExecutor {
    private final PluginCatalog catalog;
    private final PluginSteps steps;
    private final StudyRun run;
    private final RunJournal journal;
    private final RunSteps history;

    public StepRunner(PluginCatalog catalog, StudyRun run, RunJournal journal, RunSteps history) {
        this.catalog = catalog;
        this.steps = new PluginSteps(catalog);
        this.run = run;
        this.journal = journal;
        this.history = history;
    }

    @Override
    public void execute(StepSpec step, int repeat) {
        Plugin plugin = steps.configured(step);
        Map<String, String> values = plugin.parameterValues();
        long seedParameter = values.containsKey("seed") ? Long.parseLong(values.get("seed")) : -1;
        long stepSeed = SeedRule.forRepeat(SeedRule.base(seedParameter, run.seed()), repeat, step.kind().id() + ":" + step.plugin());
        if (repeat > 0 && values.containsKey("seed")) {
            // a repeat is the same analysis on other random draws, recorded with the seed it actually used
            plugin.configure(Map.of("seed", Long.toString(stepSeed)));
            values = plugin.parameterValues();
        }
        Stage<Plugin> stage = catalog.stage(step.kind());
        journal.stepStarted(step, repeat, values);
        history.started(PluginRef.of(plugin));
        try {
            stage.run(plugin, run.forStep(repeat, stepSeed));
            journal.stepFinished(true, null);
        } catch (RuntimeException | Error e) {
            journal.stepFinished(false, String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
