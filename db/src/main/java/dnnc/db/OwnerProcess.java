package dnnc.db;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a running run: pid, its start time and host. The start time tells a live owner from an
 * unrelated process that was later given the same pid.
 */
record OwnerProcess(long pid, Instant startedAt, String host) {
    /**
     * Linux derives process start times from the boot time, which the kernel reports to the second and which can
     * drift by a second between reads; a real pid reuse is separated by far more than this.
     */
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);
    private static final String LOCAL_HOST = readLocalHost();

    static OwnerProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new OwnerProcess(self.pid(), self.info().startInstant().orElse(null), localHost());
    }

    /**
     * True only when we can tell: the owner ran on this host and its pid is free or now names a process started
     * at another time. Owners on other hosts (a shared folder) are never judged.
     */
    boolean isGone() {
        if (!host.equals(localHost())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> actualStart = process.get().info().startInstant();
        return startedAt != null && actualStart.isPresent()
                && Duration.between(startedAt, actualStart.get()).abs().compareTo(START_TIME_TOLERANCE) > 0;
    }

    static String localHost() {
        return LOCAL_HOST;
    }

    private static String readLocalHost() {
        try {
            // Reading the kernel's name avoids a DNS lookup, which can stall for seconds on a badly configured host.
            Path kernelName = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernelName)) {
                return Files.readString(kernelName).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
