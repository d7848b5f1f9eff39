package dnnc.db;

import dnnc.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenStoreTest {
    @TempDir
    Path runs;

    @Test
    void aFileThatIsNotH2IsReportedAndLeftAlone() throws Exception {
        Path file = runs.resolve("records.mv.db");
        byte[] content = "my thesis draft\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(e.getMessage().startsWith(file + " is not an H2 database"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void aCorruptH2FileIsReportedAndLeftAlone() throws Exception {
        try (RecordStore store = RecordStore.open(runs)) {
            store.startRun(Fixtures.newRun("w.yaml", 1)).finish(RunStatus.SUCCEEDED, null);
        }
        Path file = runs.resolve("records.mv.db");
        byte[] original = Files.readAllBytes(file);
        byte[] damaged = original.clone();
        for (int i = 64; i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        Files.write(file, damaged);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("dnnc has not changed it: `dnnc runs recover --runs " + runs.toAbsolutePath().normalize()),
                e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }

    @Test
    void anH2FileOfAnotherApplicationIsNotMigratedOver() throws Exception {
        Files.createDirectories(runs);
        String url = StoreLocation.of(runs).ownerJdbcUrl();
        try (Connection foreign = DriverManager.getConnection(url, Database.OWNER_USER, Database.OWNER_PASSWORD);
             PreparedStatement create = foreign.prepareStatement("CREATE TABLE invoices (id INT)")) {
            create.execute();
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(e.getMessage().contains("cannot be brought to the current record schema"), e.getMessage());
        try (Connection foreign = DriverManager.getConnection(url, Database.OWNER_USER, Database.OWNER_PASSWORD)) {
            assertTrue(foreign.getMetaData().getTables(null, "PUBLIC", "INVOICES", null).next(), "still there");
            assertFalse(foreign.getMetaData().getTables(null, "PUBLIC", "RUNS", null).next(), "nothing added");
        }
    }

    @Test
    void anH2FileWithOtherUsersIsReported() throws Exception {
        String url = "jdbc:h2:file:" + runs.toAbsolutePath().resolve("records");
        DriverManager.getConnection(url, "sa", "secret").close();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(e.getMessage().contains("does not let dnnc's database user DNNC in"), e.getMessage());
        assertTrue(e.getMessage().contains("its records are still in it") && e.getMessage().contains("keep it"), e.getMessage());
        assertFalse(e.getMessage().contains("move it away"), "a store that may hold records is never to be moved away first");
    }

    @Test
    void aLegacyH2FileIsNotShadowedByANewStore() throws Exception {
        Files.writeString(runs.resolve("records.h2.db"), "old");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(e.getMessage().contains("H2 1.x"), e.getMessage());
        assertFalse(Files.exists(runs.resolve("records.mv.db")));
    }

    @Test
    void theRunsFolderIsCreated() {
        Path nested = runs.resolve("a/b");
        try (RecordStore store = RecordStore.open(nested)) {
            assertEquals(nested.resolve("records.mv.db"), store.databaseFile());
        }
        assertTrue(Files.isRegularFile(nested.resolve("records.mv.db")));
    }
}
