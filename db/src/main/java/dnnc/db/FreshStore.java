package dnnc.db;

import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An H2 store is migrated under a temporary name, then moved into place: a new store when it is made, a copy of
 * an existing one when a newer dnnc brings it to its schema. H2 commits each DDL statement on its own, so a process
 * stopped while migrating a store in place (Ctrl-C or a kill during the first command in a new runs folder, or
 * during the first command of an upgraded dnnc) left tables without Flyway's record of them: a store every later
 * command refused, which the user had to find and move away. Now the store's name only ever holds a complete
 * store. Callers hold the {@link OpeningLock}, so no other process opens the store meanwhile and a temporary store
 * found is a stopped one.
 */
final class FreshStore {
    static final String CREATING = StoreLocation.BASE_NAME + "-creating";
    static final String UPGRADING = StoreLocation.BASE_NAME + "-upgrading";

    private FreshStore() {
    }

    /** Creates {@code location}'s store (absent) by {@code migrate} on a temporary store of the same folder. */
    static void create(StoreLocation location, Consumer<Database> migrate) {
        migrateAside(location, location.beside(CREATING), null, migrate,
                failure -> "cannot create " + location.databaseFile() + " (" + failure + "); choose another --runs folder");
    }

    /**
     * Brings {@code location}'s store (present, closed by the caller) to the current schema by {@code migrate} on a
     * copy, which then replaces it; the store is left as it was when anything stops the upgrade. Refused while
     * another process still has the store open: the copy would miss what it writes after.
     */
    static void upgrade(StoreLocation location, Consumer<Database> migrate) {
        if (Files.exists(location.serverLockFile())) {
            throw new InvalidInputException(location.databaseFile() + " needs its record schema upgraded for this dnnc, "
                    + "which is done on a copy while no other process has it open, and another process has it open ("
                    + location.serverLockFile().getFileName() + ": a dnnc command, dnnc serve or an H2 tool): run this "
                    + "again once it has ended");
        }
        migrateAside(location, location.beside(UPGRADING), location.databaseFile(), migrate,
                failure -> "cannot upgrade " + location.databaseFile() + " to this dnnc's record schema (" + failure
                        + "); the store is as it was: free some space or run the dnnc that wrote it");
    }

    /** Migrates {@code aside} (a copy of {@code source}, or new when it is null) and moves it onto {@code location}. */
    private static void migrateAside(StoreLocation location, StoreLocation aside, Path source, Consumer<Database> migrate,
                                     UnaryOperator<String> failureMessage) {
        deleteFiles(aside); // left by a creation or an upgrade that was stopped
        try {
            if (source != null) {
                Files.copy(source, aside.databaseFile());
            }
            Database database = Database.connect(aside);
            try {
                migrate.accept(database);
            } finally {
                database.close();
            }
            Files.move(aside.databaseFile(), location.databaseFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidInputException(failureMessage.apply(e.getMessage()), e);
        } finally {
            deleteFiles(aside);
        }
    }

    private static void deleteFiles(StoreLocation store) {
        for (Path file : store.files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new InvalidInputException("cannot delete " + file + " (" + e.getMessage() + "), left by a record "
                        + "store whose creation or upgrade was stopped; delete it or choose another --runs folder", e);
            }
        }
    }
}
