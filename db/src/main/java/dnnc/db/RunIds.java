package dnnc.db;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Run ids like {@code 20261126-104512-ab12}: local start time to the second, so ids sort by time and read well
 * in a folder listing, plus four random hex digits so runs started in the same second differ.
 */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern SHAPE = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(LocalDateTime startedAt) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return STAMP.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
    }

    public static boolean looksLikeRunId(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
