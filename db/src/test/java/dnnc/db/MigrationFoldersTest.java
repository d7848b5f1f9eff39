package dnnc.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each store has its own migrations, in its own types: a migration added for one and forgotten for the other (or
 * left where neither looks) would give the two stores different schemas.
 */
class MigrationFoldersTest {
    @Test
    void bothStoresHaveTheSameMigrationsAndNoneIsLeftOutside() throws Exception {
        List<String> h2 = sqlFiles(folder("h2"));
        assertFalse(h2.isEmpty());
        assertEquals(h2, sqlFiles(folder("postgresql")), "the same versions and names for H2 and PostgreSQL");
        assertEquals(List.of(), sqlFiles(folder("h2").getParent()), "db/migration itself holds only the two folders");
    }

    private static Path folder(String dialect) throws URISyntaxException {
        return Path.of(Migrations.class.getResource("/db/migration/" + dialect).toURI());
    }

    private static List<String> sqlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted().toList();
        }
    }
}
