package dnnc.runner.cli;

import dnnc.db.RecordStore;
import dnnc.db.RerunSpec;
import dnnc.runner.workflow.WorkflowFile;

import java.util.LinkedHashMap;
import java.util.Map;

/** The workflow text a recorded run ran (not today's file) and its parameters: what reruns and resumes run again. */
record RecordedWorkflow(WorkflowFile workflow, Map<String, String> parameters, String sha256) {
    static RecordedWorkflow of(RunsFolder runs, String runId) {
        RerunSpec spec;
        try (RecordStore store = runs.open()) {
            spec = store.rerunSpec(runId);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        spec.parameters().forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        return new RecordedWorkflow(WorkflowFile.parse(spec.workflowPath(), spec.workflowText()), parameters, spec.workflowSha256());
    }
}
