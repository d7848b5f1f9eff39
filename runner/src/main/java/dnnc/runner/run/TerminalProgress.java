package dnnc.runner.run;

import dnnc.api.Progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar with rate and ETA, redrawn in place on an interactive terminal; elsewhere (CI, pipes) only
 * a start and a finish line, so logs stay quiet.
 */
public final class TerminalProgress implements Progress {
    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String stage;
    private final long total;
    private final String unit;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDraw;
    private String status = "";
    private boolean closed;

    public TerminalProgress(PrintStream out, String stage, long total, String unit, boolean interactive) {
        this.out = out;
        this.stage = stage;
        this.total = Math.max(total, 1);
        this.unit = unit;
        this.interactive = interactive;
        if (!interactive) {
            out.println("[" + stage + "] " + total + " " + unit + " ...");
        }
    }

    /** Interactive when attached to a terminal and not in CI. */
    public static boolean terminalAttached() {
        return System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void advance(long units) {
        done = Math.min(total, done + units);
        long now = System.nanoTime();
        if (interactive && (now - lastDraw > REDRAW_NANOS || done == total)) {
            lastDraw = now;
            draw();
        }
    }

    @Override
    public synchronized void status(String text) {
        status = text;
        if (interactive) {
            draw();
        }
    }

    private void draw() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        int filled = (int) (WIDTH * done / total);
        String eta = done == 0 ? "--" : formatSeconds((total - done) / Math.max(rate, 1e-9));
        out.print("\r\033[K" + stage + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                + " " + unit + "  " + formatRate(rate) + " " + unit + "/s  ETA " + eta + (status.isEmpty() ? "" : "  " + status));
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (interactive) {
            draw();
            out.println();
        } else {
            out.println("[" + stage + "] done: " + done + " " + unit + " in " + formatSeconds(seconds)
                    + (status.isEmpty() ? "" : "; " + status));
        }
        out.flush();
    }

    private static String formatRate(double rate) {
        return rate >= 100 ? Long.toString(Math.round(rate)) : String.format("%.2f", rate);
    }

    static String formatSeconds(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return String.format("%.1fs", seconds);
    }
}
