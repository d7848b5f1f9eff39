package dnnc.api;

/** One declared parameter as users see it in `dnnc plugins` and in errors. */
public record ParamSpec(String name, String type, String defaultValue, String range, String description) {
}
