package dnnc.db;

import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Processes opening one store take turns: the first creates the file, starts serving it (AUTO_SERVER) and
 * migrates it before the next connects. Without the turn, a second process can find the H2 lock taken but the
 * server address not yet published, and H2 reports the file as in use.
 */
final class OpeningLock {
    private static final Object IN_PROCESS = new Object();

    private OpeningLock() {
    }

    static <T> T holding(StoreLocation location, Supplier<T> opening) {
        Path lockFile = location.runsDir().resolve(StoreLocation.BASE_NAME + ".opening.lock");
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return opening.get();
            } catch (IOException e) {
                throw new InvalidInputException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }
}
