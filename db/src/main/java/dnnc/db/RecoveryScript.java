package dnnc.db;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2's recovery script, made to restore the records as they were. The script first copies every row into a
 * scratch table of text columns ({@code O_n}, columns {@code C0, C1, ...}), then back with
 * {@code INSERT INTO t SELECT * FROM O_n}; two things go wrong on the way back: an identity column generated always
 * refuses the copied values, and text converted to a JSON column becomes a JSON string ({@code 0.5} comes back as
 * {@code "0.5"}). So each copy back names its columns, reading JSON columns' text as JSON, and keeps the copied
 * identities (the script restores their sequences' positions itself).
 */
final class RecoveryScript {
    private static final Pattern TABLE = Pattern.compile("^CREATE (?:CACHED |MEMORY )?TABLE (\"[^\"]+\"\\.\"[^\"]+\")\\($");
    private static final Pattern COLUMN = Pattern.compile("^\\s+\"[^\"]+\" (\\S+).*$");
    private static final Pattern COPY_BACK = Pattern.compile("^INSERT INTO (\"[^\"]+\"\\.\"[^\"]+\") SELECT \\* FROM (O_\\d+);$");

    private final Map<String, List<Boolean>> jsonColumns = new HashMap<>();
    private List<Boolean> tableBeingDeclared;

    private RecoveryScript() {
    }

    static void rewrite(Path recovered, Path target) throws IOException {
        RecoveryScript script = new RecoveryScript();
        try (BufferedReader in = Files.newBufferedReader(recovered, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(script.restoring(line));
                out.newLine();
            }
        }
    }

    String restoring(String line) {
        Matcher table = TABLE.matcher(line);
        if (table.matches()) {
            tableBeingDeclared = new ArrayList<>();
            jsonColumns.put(table.group(1), tableBeingDeclared);
            return line;
        }
        if (tableBeingDeclared != null) {
            Matcher column = COLUMN.matcher(line);
            if (column.matches()) {
                tableBeingDeclared.add(column.group(1).equals("JSON"));
            } else {
                tableBeingDeclared = null;
            }
            return line;
        }
        Matcher copy = COPY_BACK.matcher(line);
        if (!copy.matches() || !jsonColumns.containsKey(copy.group(1))) {
            return line;
        }
        List<Boolean> json = jsonColumns.get(copy.group(1));
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < json.size(); c++) {
            columns.add(json.get(c) ? "C" + c + " FORMAT JSON" : "C" + c);
        }
        return "INSERT INTO " + copy.group(1) + " OVERRIDING SYSTEM VALUE SELECT " + String.join(", ", columns)
                + " FROM " + copy.group(2) + ";";
    }
}
