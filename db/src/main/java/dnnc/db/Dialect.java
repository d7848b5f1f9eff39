package dnnc.db;

import java.util.List;
import java.util.stream.Collectors;

/** Where the SQL of the two stores differs: writing a JSON value and writing a row that may already exist. */
enum Dialect {
    /** H2 reads a JSON parameter as a JSON string unless told the text is JSON already. */
    H2("? FORMAT JSON") {
        @Override
        String upsert(String table, List<String> key, List<String> columns, String values) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                    + ") VALUES (" + values + ")";
        }
    },
    POSTGRESQL("CAST(? AS JSON)") {
        @Override
        String upsert(String table, List<String> key, List<String> columns, String values) {
            String updates = columns.stream().filter(column -> !key.contains(column))
                    .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", key) + ") DO UPDATE SET " + updates;
        }
    };

    private final String jsonParameter;

    Dialect(String jsonParameter) {
        this.jsonParameter = jsonParameter;
    }

    /** The placeholder of a parameter whose text is stored as a JSON value. */
    String json() {
        return jsonParameter;
    }

    /** Inserts a row, or replaces the non-key columns of the row with the same key. */
    abstract String upsert(String table, List<String> key, List<String> columns, String values);

    /** The Flyway location of this store's migrations. */
    String migrations() {
        return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
