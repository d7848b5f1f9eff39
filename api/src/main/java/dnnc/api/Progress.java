package dnnc.api;

/** A long piece of work: a bar with rate and ETA on a terminal, occasional plain lines elsewhere. */
public interface Progress extends AutoCloseable {
    void advance(long units);

    /** Short status shown beside the bar, e.g. the current loss. */
    void status(String text);

    @Override
    void close();

    static Progress silent() {
        return statusesTo(text -> {
        });
    }

    /** No bar: only the status lines, each handed to {@code sink} (logs, tests, or an enclosing progress). */
    static Progress statusesTo(java.util.function.Consumer<String> sink) {
        return new Progress() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void status(String text) {
                sink.accept(text);
            }

            @Override
            public void close() {
            }
        };
    }
}
