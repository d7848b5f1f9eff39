package dnnc.db;

import dnnc.api.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Brings a record file to the current schema with the Flyway migrations in {@code db/migration}. Processes that
 * open a new store at the same moment take turns through a lock file, so only one creates the schema. Flyway is
 * never allowed to clean: a store it cannot migrate is reported, not emptied.
 */
final class Migrations {
    private static final Object IN_PROCESS = new Object();

    private Migrations() {
    }

    static void apply(Database database) {
        StoreLocation location = database.location();
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.ownerDataSource())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .loggers(FlywayWarningsOnly.class.getName())
                .load();
        Path lockFile = location.runsDir().resolve(StoreLocation.BASE_NAME + ".migration.lock");
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                flyway.migrate();
            } catch (IOException e) {
                throw new InvalidInputException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            } catch (FlywayException e) {
                throw new InvalidInputException(location.databaseFile() + " cannot be brought to the current record schema ("
                        + e.getMessage().lines().findFirst().orElse("") + "); dnnc does not repair or replace it: "
                        + "move it away or choose another --runs folder", e);
            }
        }
    }
}
