package dnnc.plugins.lesion;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Independent, reproducible seeds for the parts of a lesion study, derived from one base seed. */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long base, Object... parts) {
        return new SplittableRandom(base * 0x9E3779B97F4A7C15L + Arrays.deepHashCode(parts)).nextLong();
    }
}
