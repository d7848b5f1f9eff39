package dnnc.api;

/** Plugin kind "report": turns what the run holds into figures, tables and pages under the run folder. */
public interface Reporter extends Plugin {
    void report(RunContext context);
}
