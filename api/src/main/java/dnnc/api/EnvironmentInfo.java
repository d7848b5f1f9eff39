package dnnc.api;

import java.util.Map;

/**
 * Describes part of the machine a run used (numeric backend, threads, ...) for its provenance. Found through
 * {@link java.util.ServiceLoader}, so the runner can record a backend it does not link against.
 */
public interface EnvironmentInfo {
    Map<String, String> describe();
}
