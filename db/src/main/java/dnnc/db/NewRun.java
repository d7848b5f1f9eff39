package dnnc.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the runner knows when a run starts.
 *
 * @param workflowPath the workflow file as the user named it
 * @param workflowText its full text (the store keeps it, and its sha256, so the run can be repeated exactly)
 * @param parameters   the workflow parameters given on the command line (values: numbers, strings, lists, maps)
 * @param provenance   dnnc version, git commit, JDK, OS, CPU, ND4J backend and threads, ...
 * @param outputDir    the run's folder, or null for {@code <runsDir>/<run id>}
 */
public record NewRun(Path workflowPath, String workflowText, Map<String, ?> parameters, long seed,
                     String dnncVersion, Map<String, String> provenance, Path outputDir) {
    public NewRun {
        Objects.requireNonNull(workflowPath, "workflowPath");
        Objects.requireNonNull(workflowText, "workflowText");
        parameters = parameters == null ? Map.of() : parameters;
        Objects.requireNonNull(dnncVersion, "dnncVersion");
        provenance = provenance == null ? Map.of() : provenance;
    }

    /** A run whose folder is {@code <runsDir>/<run id>}. */
    public NewRun(Path workflowPath, String workflowText, Map<String, ?> parameters, long seed, String dnncVersion,
                  Map<String, String> provenance) {
        this(workflowPath, workflowText, parameters, seed, dnncVersion, provenance, null);
    }

    public NewRun withOutputDir(Path folder) {
        return new NewRun(workflowPath, workflowText, parameters, seed, dnncVersion, provenance, folder);
    }
}
