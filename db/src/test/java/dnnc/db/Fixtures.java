package dnnc.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

final class Fixtures {
    private Fixtures() {
    }

    static NewRun newRun(String workflow, long seed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("beta", 4.0);
        parameters.put("data", Map.of("digits", 10));
        return new NewRun(Path.of(workflow), "steps: []\n", parameters, seed, "0.1.0-test",
                Map.of("jdk", "17", "os", "linux"));
    }
}
