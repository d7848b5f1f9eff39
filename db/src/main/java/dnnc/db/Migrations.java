package dnnc.db;

import dnnc.api.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;


/**
 * Brings a record file to the current schema with the Flyway migrations in {@code db/migration}; callers hold the
 * {@link OpeningLock}, so only one process migrates at a time. Flyway is never allowed to clean: a store it
 * cannot migrate is reported, not emptied.
 */
final class Migrations {
    private static final int ATTEMPTS = 3;

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
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                // another process that was serving the file (AUTO_SERVER) may have exited while we migrated:
                // the next connection finds the file served by someone else, or serves it itself
                if (attempt < ATTEMPTS && Database.isConnectionLost(e)) {
                    continue;
                }
                throw unusable(location, e);
            }
        }
    }

    private static InvalidInputException unusable(StoreLocation location, FlywayException e) {
        return new InvalidInputException(location.databaseFile() + " cannot be brought to the current record schema ("
                + e.getMessage().lines().findFirst().orElse("") + "); dnnc does not repair or replace it: "
                + "move it away or choose another --runs folder", e);
    }
}
