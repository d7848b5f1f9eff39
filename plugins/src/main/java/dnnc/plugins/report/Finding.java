package dnnc.plugins.report;

/**
 * One row of the findings table: the study's statement and number, ours, the verdict and the rule that gave it.
 * {@code key} names it in results.json (findings.checks.&lt;key&gt;).
 */
record Finding(int number, String key, String statement, String studyNumber, String ours, Verdict verdict, String rule) {
}
