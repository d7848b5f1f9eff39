package dnnc.plugins.model;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A rate falling linearly from its initial value to 0 at step {@code steps}. (ND4J's PolySchedule with power 1
 * grows instead: it computes initial * (1 + i / maxIter)^power.)
 */
record LinearDecay(double initial, int steps) implements ISchedule {
    @Override
    public double valueAt(int iteration, int epoch) {
        return initial * Math.max(0, 1 - (double) iteration / steps);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecay(initial, steps);
    }
}
