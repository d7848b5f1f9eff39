package dnnc.db;

import dnnc.api.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;


/**
 * Brings a record store to the current schema with the Flyway migrations of its dialect
 * ({@code db/migration/h2} or {@code db/migration/postgresql}: the same tables, each in its database's types); H2
 * callers hold the {@link OpeningLock} and Flyway locks a PostgreSQL database itself, so only one process migrates
 * at a time. Flyway is never allowed to clean: a store it
 * cannot migrate is reported, not emptied.
 */
final class Migrations {
    private static final int ATTEMPTS = 3;

    private Migrations() {
    }

    static void apply(Database database) {
        StorePlace location = database.location();
        Flyway flyway = flyway(database);
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                // another process that was serving the file (AUTO_SERVER) may have exited while we migrated:
                // the next connection finds the file served by someone else, or serves it itself
                if (attempt < ATTEMPTS && HandOver.isServerGone(e)) {
                    continue;
                }
                throw unusable(location, e);
            }
        }
    }

    /** Whether the store is behind the current schema: a migration of this dnnc has not been applied to it yet. */
    static boolean pending(Database database) {
        try {
            return flyway(database).info().pending().length > 0;
        } catch (FlywayException e) {
            throw unusable(database.location(), e);
        }
    }

    private static Flyway flyway(Database database) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.ownerDataSource())
                .locations(database.location().dialect().migrations())
                .placeholders(database.location().migrationPlaceholders())
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .loggers(FlywayWarningsOnly.class.getName())
                .load();
    }

    private static InvalidInputException unusable(StorePlace location, FlywayException e) {
        return new InvalidInputException(location.label() + " cannot be brought to the current record schema ("
                + e.getMessage().lines().findFirst().orElse("") + "); dnnc does not repair or replace it: "
                + location.elsewhere(), e);
    }
}
