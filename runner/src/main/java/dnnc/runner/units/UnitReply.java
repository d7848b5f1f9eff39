package dnnc.runner.units;

import java.io.Serializable;

/** A unit's result as it travels back, or the one-line reason it could not be computed; {@code worker} says who computed it. */
public record UnitReply(String runId, String unitId, Serializable result, String error, String worker) implements Serializable {
    public boolean failed() {
        return error != null;
    }
}
