package dnnc.runner.run;

import java.util.Optional;

/** Looks through an exception's cause chain: what a user did wrong may lie under a framework's wrapping. */
public final class Causes {
    private Causes() {
    }

    /** The first throwable of the given type in the chain from {@code e} down. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The message of the deepest cause (a refused connection under a framework's wrapping), else its class. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
