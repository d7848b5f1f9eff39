package dnnc.db;

import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * A new H2 store is made and migrated under a temporary name, then moved into place. H2 commits each DDL statement
 * on its own, so a process stopped while migrating a store in place (Ctrl-C or a kill during the first command in a
 * new runs folder) left tables without Flyway's record of them: a store every later command refused, which the
 * user had to find and move away. Now the store's name appears only once it is complete. Callers hold the
 * {@link OpeningLock}, so no other process is creating it meanwhile and a temporary store found is a stopped one.
 */
final class FreshStore {
    static final String CREATING = StoreLocation.BASE_NAME + "-creating";

    private FreshStore() {
    }

    /** Creates {@code location}'s store (absent) by {@code migrate} on a temporary store of the same folder. */
    static void create(StoreLocation location, Consumer<Database> migrate) {
        StoreLocation creating = location.beside(CREATING);
        deleteFiles(creating); // left by a creation that was stopped
        try {
            Database database = Database.connect(creating);
            try {
                migrate.accept(database);
            } finally {
                database.close();
            }
            Files.move(creating.databaseFile(), location.databaseFile(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + location.databaseFile() + " (" + e.getMessage()
                    + "); choose another --runs folder", e);
        } finally {
            deleteFiles(creating);
        }
    }

    private static void deleteFiles(StoreLocation store) {
        for (Path file : store.files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new InvalidInputException("cannot delete " + file + " (" + e.getMessage() + "), left by a record "
                        + "store whose creation was stopped; delete it or choose another --runs folder", e);
            }
        }
    }
}
