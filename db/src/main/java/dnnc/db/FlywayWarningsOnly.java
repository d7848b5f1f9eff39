package dnnc.db;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway narrates every migration check at INFO; a CLI that opens the store on each command should stay quiet
 * unless something is wrong. Warnings and errors go to the platform logger.
 */
public final class FlywayWarningsOnly implements LogCreator {
    @Override
    public Log createLogger(Class<?> source) {
        System.Logger logger = System.getLogger(source.getName());
        return new Log() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void notice(String message) {
            }

            @Override
            public void warn(String message) {
                logger.log(System.Logger.Level.WARNING, message);
            }

            @Override
            public void error(String message) {
                logger.log(System.Logger.Level.ERROR, message);
            }

            @Override
            public void error(String message, Exception e) {
                // the failure reaches the user as one line from RecordStore.open (stack trace with --debug)
                logger.log(System.Logger.Level.DEBUG, message, e);
            }
        };
    }
}
