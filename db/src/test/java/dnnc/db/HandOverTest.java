package dnnc.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which H2 failures are a served file changing hands (retried) and which are the store's own (reported). */
class HandOverTest {
    private static SQLException h2(int code, String message) {
        return new SQLException(message + " [" + code + "-232]", "HY000", code);
    }

    @Test
    void theServingProcessEndingIsRecognisedAtAnyDepth() {
        assertTrue(HandOver.isServerGone(h2(90067, "Connection is broken")));
        assertTrue(HandOver.isServerGone(h2(90098, "The database has been closed")));
        assertTrue(HandOver.isServerGone(h2(90121, "Database is already closed")));
        assertTrue(HandOver.isServerGone(h2(90007, "The object is already closed")));
        assertTrue(HandOver.isServerGone(new RuntimeException("Unable to determine H2 build ID",
                new IllegalStateException(h2(90121, "Database is already closed")))));
        assertTrue(HandOver.isServerGone(h2(50000, "General error: \"org.h2.mvstore.MVStoreException: Transaction 1 is closed "
                + "[2.3.232/4]\"; SQL statement: MERGE INTO results")));
        assertFalse(HandOver.isServerGone(h2(50000, "General error: \"org.h2.mvstore.MVStoreException: File corrupted in "
                + "chunk 2012 [2.3.232/6]\"")));
        assertFalse(HandOver.isServerGone(h2(90030, "File corrupted while reading record")));
        assertFalse(HandOver.isServerGone(h2(23505, "Unique index or primary key violation")));
    }

    @Test
    void aLockChangingHandsIsAnOpeningRaceAndOtherOpeningFailuresAreNot() {
        assertTrue(HandOver.isOpeningRace(h2(90020, "Database may be already in use: \"Locked by another process\"")));
        assertTrue(HandOver.isOpeningRace(h2(8000, "Error opening database: \"Lock file recently modified\"")));
        assertTrue(HandOver.isOpeningRace(h2(8000, "Error opening database: \"Another process was faster\"")));
        assertTrue(HandOver.isOpeningRace(h2(8000, "Error opening database: \"Concurrent update\"")));
        assertTrue(HandOver.isOpeningRace(h2(90067, "Connection is broken: \"java.net.ConnectException\"")));
        assertFalse(HandOver.isOpeningRace(h2(8000, "Error opening database: \"Unsupported lock method FS\"")));
        assertFalse(HandOver.isOpeningRace(h2(90030, "File corrupted while reading record")));
        assertFalse(HandOver.isOpeningRace(h2(28000, "Wrong user name or password")));
        assertFalse(HandOver.isOpeningRace(new SQLException("connection refused", "08001", 0))); // PostgreSQL down
    }
}
