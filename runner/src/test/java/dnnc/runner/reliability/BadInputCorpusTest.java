package dnnc.runner.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad inputs of every kind, each refused with one line naming the file, line or parameter and what would be
 * valid, without a stack trace, and without changing the record store (which holds one earlier run).
 */
class BadInputCorpusTest {
    @TempDir
    static Path work;
    static Path runs;
    static Path cache;
    static String storeBefore;

    @BeforeAll
    static void recordOneEarlierRunAndPrimeTheModelCache() {
        runs = work.resolve("runs");
        cache = work.resolve("cache");
        Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", runs.toString()).assertSucceeded();
        Cli.dnnc("run", Cli.resource("model.yaml").toString(), "--runs", work.resolve("priming").toString(),
                "--cache", cache.toString()).assertSucceeded();
        Cli.dnnc("run", Cli.resource("model.yaml").toString(), "seed=2", "--runs", work.resolve("priming").toString(),
                "--cache", cache.toString()).assertSucceeded();
        storeBefore = StoreDigest.of(runs);
    }

    @AfterAll
    static void storeStillHoldsTheEarlierRunOnly() {
        assertEquals(1, StoreDigest.runCount(runs));
    }

    private record Case(String name, Supplier<Cli> call, String... expected) {
    }

    /** A store that another program holds open without AUTO_SERVER (an H2 shell here) is reported, not taken over. */
    @Test
    void storeLockedByAnotherProgram() throws Exception {
        Path locked = folder("store-locked");
        Files.copy(runs.resolve("records.mv.db"), locked.resolve("records.mv.db"));
        Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + locked.resolve("records"),
                "-user", "DNNC", "-password", "dnnc").redirectErrorStream(true).start();
        try {
            // the shell has the file once it answers a query
            shell.getOutputStream().write("SELECT 'ready-' || COUNT(*) FROM runs;\n".getBytes());
            shell.getOutputStream().flush();
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(shell.getInputStream()));
            for (String line = out.readLine(); line != null && !line.contains("ready-1"); line = out.readLine()) {
                // the shell's banner and prompt
            }
            Cli.dnnc("runs", "list", "--runs", locked.toString())
                    .assertRefused(locked.resolve("records.mv.db").toString(), "locked by another program", "AUTO_SERVER",
                            "does not repair or replace it");
            Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", locked.toString()).assertRefused("locked by another program");
        } finally {
            shell.destroyForcibly().waitFor();
        }
        // the holder itself may write to the file while it has it; what dnnc must not change is the content
        assertEquals(storeBefore, StoreDigest.of(locked), "the locked store's records are as they were");
    }

    /** A runs folder on a read-only file system (a tmpfs mounted read-only: needs root, as CI has). */
    @Test
    void runsFolderOnAReadOnlyFileSystem() throws Exception {
        Path readOnly = folder("read-only");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", readOnly.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "needs root with mount permission; 'runs folder below a file' covers the rest");
        try {
            Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", readOnly.resolve("runs").toString())
                    .assertRefused(readOnly.resolve("runs").toString(), "Read-only file system", "another --runs folder");
            Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", readOnly.toString())
                    .assertRefused(readOnly.toString(), "not writable", "choose another with --runs DIR");
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).start().waitFor();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneLineAndLeavesTheStoreAlone() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
            c.call.get().assertRefused(c.expected);
            assertEquals(storeBefore, StoreDigest.of(runs), "record store unchanged");
        }));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(workflowFiles());
        cases.addAll(parameters());
        cases.addAll(idxFiles());
        cases.addAll(modelCacheFiles());
        cases.addAll(matrixFiles());
        cases.addAll(records());
        cases.addAll(queries());
        return cases;
    }

    // ---- workflow files -------------------------------------------------------------------------------------

    private static List<Case> workflowFiles() {
        Path badIndent = write("bad-indent.yaml", "- route:\n    from:\n      uri: direct:main\n     steps: []\n");
        Path unclosed = write("unclosed.yaml", "- route:\n    from:\n      uri: \"direct:main\n");
        Path tab = write("tab.yaml", "- route:\n\tfrom:\n      uri: direct:main\n");
        Path empty = write("empty.yaml", "");
        Path comments = write("comments.yaml", "# nothing but a comment\n");
        Path mapping = write("mapping.yaml", "route:\n  from:\n    uri: direct:main\n");
        Path noMain = write("no-main.yaml", "- route:\n    from:\n      uri: direct:other\n      steps:\n        - to:\n            uri: \"dnnc:data:mnist-idx\"\n");
        Path twoDefaults = write("two-defaults.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:data:mnist-idx?train={{n:10}}&held-out={{n:20}}\"\n");
        Path noDefault = write("no-default.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:data:mnist-idx?train={{n}}\"\n");
        Path unknownKind = write("unknown-kind.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:painting:monet\"\n");
        Path unknownPlugin = write("unknown-plugin.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:data:mnist-idx\"\n        - to:\n            uri: \"dnnc:similarity:spearmann\"\n");
        Path unknownOption = write("unknown-option.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:data:mnist-idx?trian=10\"\n");
        Path badStep = write("bad-step.yaml", "- route:\n    from:\n      uri: direct:main\n      steps:\n"
                + "        - to:\n            uri: \"dnnc:mnist-idx\"\n");
        return List.of(
                new Case("malformed YAML: indentation", () -> run(badIndent), badIndent + ":4:", "YAML syntax error"),
                new Case("malformed YAML: unclosed quote", () -> run(unclosed), unclosed + ":", "YAML syntax error"),
                new Case("malformed YAML: tab indentation", () -> run(tab), tab + ":2:", "YAML syntax error"),
                new Case("empty file", () -> run(empty), empty.toString(), "defines no routes", "direct:main"),
                new Case("file with only a comment", () -> run(comments), comments.toString(), "defines no routes"),
                new Case("top level is a mapping", () -> run(mapping), mapping + ":1:", "list of `- route:`"),
                new Case("no route starts at direct:main", () -> run(noMain), noMain.toString(), "direct:main"),
                new Case("missing workflow file", () -> run(work.resolve("nowhere.yaml")), "nowhere.yaml", "no such workflow file"),
                new Case("workflow is a folder", () -> run(work), work.toString(), "cannot read workflow file"),
                new Case("parameter with two defaults", () -> run(twoDefaults), twoDefaults + ":6:", "'n'", "two defaults"),
                new Case("parameter without default not given", () -> run(noDefault), "'n'", "n=VALUE"),
                new Case("unknown plugin kind lists valid kinds", () -> run(unknownKind), unknownKind + ":6:", "painting", "data, model, attribution"),
                new Case("unknown plugin lists valid names", () -> run(unknownPlugin), unknownPlugin + ":8:", "spearmann",
                        "cosine, kendall, neg-sq-euclidean, pearson, spearman"),
                new Case("unknown plugin option lists valid ones", () -> run(unknownOption), unknownOption + ":6:", "'trian'", "train, held-out"),
                new Case("step without plugin name", () -> run(badStep), badStep + ":6:", "dnnc:<kind>:<plugin>"));
    }

    // ---- parameters ------------------------------------------------------------------------------------------

    private static List<Case> parameters() {
        Path params = Cli.resource("params.yaml");
        return List.of(
                new Case("unknown workflow parameter", () -> run(params, "epochz=3"), "no parameter 'epochz'", "epochs"),
                new Case("argument that is not name=value", () -> run(params, "epochs"), "'epochs'", "name=value"),
                new Case("integer parameter given text", () -> run(params, "epochs=two"), params + ":", "'epochs'", "'two'", "int"),
                new Case("zero epochs", () -> run(params, "epochs=0"), "'epochs'", "[1, 10000]"),
                new Case("zero draws", () -> run(params, "draws=0"), params + ":", "'draws'", "[2, inf)"),
                new Case("negative draws", () -> run(params, "draws=-5"), "'draws'", "-5", "[2, inf)"),
                new Case("empty alpha grid", () -> run(params, "alphas="), "'alphas'", "empty", "comma-separated list"),
                new Case("alpha grid with a gap", () -> run(params, "alphas=1,,2"), "'alphas'", "list of numbers"),
                new Case("alpha grid holding NaN", () -> run(params, "alphas=NaN,1"), "'alphas'", "finite numbers"),
                new Case("damping below 0.5", () -> run(params, "damping=0.3"), "'damping'", "[0.5, 1)"),
                new Case("damping of 1", () -> run(params, "damping=1"), "'damping'", "[0.5, 1)"),
                new Case("NaN preference", () -> run(params, "preference=NaN"), "'preference'", "median or auto or study or <number>"),
                new Case("text preference", () -> run(params, "preference=high"), "'preference'", "median or auto or study or <number>"),
                new Case("focus latent out of range", () -> run(params, "focus=4"), params + ":", "'focus'", "0..3"),
                new Case("negative focus latent", () -> run(params, "focus=-1"), "'focus'", "latent index"),
                new Case("fractional focus latent", () -> run(params, "focus=1.5"), "'focus'", "latent index"),
                new Case("ACE target class out of range", () -> run(params, "target=10"), "'target'", "0..9"),
                new Case("analysis target class out of range", () -> run(params, "grid-target=12"), "latent-shapes", "'target'", "0..9"),
                new Case("lesion target class out of range", () -> run(params, "lesion-target=10"), "pixel-bce", "'target'", "0..9"),
                new Case("zero latents", () -> run(params, "latents=0"), "'latent-size'", "[1, 1000]"),
                new Case("hidden layer size below 1", () -> run(params, "hidden=32,0.5"), "'hidden'", "[1, 100000]"),
                new Case("fractional hidden layer size", () -> run(params, "hidden=32.5"), "'hidden'", "whole layer sizes"),
                new Case("learning rate of zero", () -> run(params, "rate=0"), "'learning-rate'", "(0, 1]"),
                new Case("seed that is not an integer", () -> run(params, "seed=abc"), "seed", "'abc'"),
                new Case("more images than the data set has", () -> run(params, "train=20000"), "train (20000)", "10000 images"),
                new Case("runs folder with ';'", () -> Cli.dnnc("run", params.toString(), "--runs", work.resolve("a;b").toString()),
                        "';'", "choose another --runs folder"));
    }

    // ---- IDX files -------------------------------------------------------------------------------------------

    private static List<Case> idxFiles() {
        Path missing = work.resolve("no-such-data");
        Path empty = folder("idx-empty");
        Path noLabels = folder("idx-no-labels");
        put(noLabels, "images-idx3-ubyte", images(10));
        Path wrongMagic = folder("idx-magic");
        byte[] magic = images(10);
        magic[2] = 0x09;
        put(wrongMagic, "images-idx3-ubyte", magic);
        put(wrongMagic, "labels-idx1-ubyte", labels(10));
        Path truncated = folder("idx-truncated");
        byte[] full = images(10);
        put(truncated, "images-idx3-ubyte", java.util.Arrays.copyOf(full, full.length - 100));
        put(truncated, "labels-idx1-ubyte", labels(10));
        Path stub = folder("idx-stub");
        put(stub, "images-idx3-ubyte", new byte[] {0, 0});
        put(stub, "labels-idx1-ubyte", labels(10));
        Path cutGzip = folder("idx-gzip");
        byte[] gz = gzip(images(10));
        put(cutGzip, "images-idx3-ubyte.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
        put(cutGzip, "labels-idx1-ubyte", labels(10));
        Path mismatch = folder("idx-mismatch");
        put(mismatch, "images-idx3-ubyte", images(10));
        put(mismatch, "labels-idx1-ubyte", labels(9));
        Path load = Cli.resource("load.yaml");
        return List.of(
                new Case("IDX folder missing", () -> run(load, "dir=" + missing), missing.toString(), "dir=embedded"),
                new Case("IDX folder without IDX files", () -> run(load, "dir=" + empty), empty.toString(), "images-idx3-ubyte[.gz]"),
                new Case("IDX labels file missing", () -> run(load, "dir=" + noLabels), "labels-idx1-ubyte", "missing"),
                new Case("IDX wrong magic number", () -> run(load, "dir=" + wrongMagic, "train=5", "held-out=5"), load + ":",
                        "images-idx3-ubyte", "0x00000903", "expected 0x00000803"),
                new Case("IDX truncated data", () -> run(load, "dir=" + truncated, "train=5", "held-out=5"), "images-idx3-ubyte",
                        "truncated", "7840 bytes"),
                new Case("IDX shorter than its magic", () -> run(load, "dir=" + stub, "train=5", "held-out=5"), "images-idx3-ubyte",
                        "truncated", "4-byte magic"),
                new Case("IDX gzip cut short", () -> run(load, "dir=" + cutGzip, "train=5", "held-out=5"), "images-idx3-ubyte.gz",
                        "gzip"),
                new Case("IDX labels and images differ in count", () -> run(load, "dir=" + mismatch, "train=5", "held-out=4"),
                        "labels-idx1-ubyte", "9 labels for 10 images"));
    }

    /** An IDX images file of {@code n} 28x28 images. */
    static byte[] images(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784);
        b.putInt(0x00000803).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n * 784; i++) {
            b.put((byte) (i * 31 % 256));
        }
        return b.array();
    }

    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    // ---- the model cache -------------------------------------------------------------------------------------

    private static List<Case> modelCacheFiles() {
        Path model = Cli.resource("model.yaml");
        return List.of(
                new Case("cached model with a flipped byte", () -> {
                    Path file = cachedModel(0);
                    byte[] bytes = read(file);
                    bytes[bytes.length / 2] ^= 0x5A;
                    return withReplaced(file, bytes, () -> runCached(model, "seed=1"));
                }, "cached model", "corrupt", "checksum", "delete it to retrain"),
                new Case("cached model replaced by a foreign file", () -> {
                    Path file = cachedModel(0);
                    return withReplaced(file, "PK\u0003\u0004 not a model".getBytes(), () -> runCached(model, "seed=1"));
                }, "cached model", "is not a dnnc model file", "delete it to retrain"),
                new Case("cached model of another key under this name", () -> {
                    Path file = cachedModel(0);
                    Path other = cachedModel(1);
                    return withReplaced(file, read(other), () -> runCached(model, "seed=1"));
                }, "cached model", "belongs to plugin 'cbeta-vae' with key", "not to this model"),
                new Case("cached model cut short", () -> {
                    Path file = cachedModel(0);
                    byte[] bytes = read(file);
                    return withReplaced(file, java.util.Arrays.copyOf(bytes, bytes.length / 3), () -> runCached(model, "seed=1"));
                }, "cached model", "corrupt", "delete it to retrain"));
    }

    /** The i-th cached model file, oldest first (seed=1 was trained first). */
    private static Path cachedModel(int i) {
        try (Stream<Path> files = Files.list(cache.resolve("cbeta-vae"))) {
            List<Path> models = files.filter(p -> p.toString().endsWith(".model"))
                    .sorted(java.util.Comparator.comparing(BadInputCorpusTest::modified)).toList();
            assertEquals(2, models.size(), models.toString());
            return models.get(i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cli withReplaced(Path file, byte[] bytes, Supplier<Cli> call) {
        byte[] original = read(file);
        java.nio.file.attribute.FileTime time = modified(file);
        try {
            Files.write(file, bytes);
            Cli cli = call.get();
            assertEquals(StoreDigest.sha256(bytes), StoreDigest.sha256(read(file)), "the refused cache file is left as it was");
            return cli;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.write(file, original);
                Files.setLastModifiedTime(file, time);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Cli runCached(Path workflow, String... parameters) {
        List<String> args = new ArrayList<>(List.of("run", workflow.toString(), "--runs", runs.toString(), "--cache", cache.toString()));
        args.addAll(List.of(parameters));
        return Cli.dnnc(args.toArray(String[]::new));
    }

    // ---- matrices for `dnnc similarity` and `dnnc cluster` ----------------------------------------------------

    private static List<Case> matrixFiles() {
        Path text = write("text.csv", "a,b\n1,2\n3,x\n");
        Path ragged = write("ragged.csv", "1,2,3\n4,5\n6,7,8\n");
        Path empty = write("empty.csv", "");
        Path nan = write("nan.csv", "1,2\n3,NaN\n5,6\n");
        Path oneRow = write("one-row.csv", "1,2,3\n");
        Path npy = write("bad.npy", "\u0093NUMPY but not really");
        Path nonSquare = write("non-square.csv", "1,0.5,0.2\n0.5,1,0.3\n");
        Path good = write("good.csv", "1,2\n2,4\n3,5\n");
        Path square = write("square.csv", "1,0.5\n0.5,1\n");
        Path out = work.resolve("similarity-out.csv");
        return List.of(
                new Case("similarity: non-numeric cell", () -> similarity(text, out), text + ": line 3, column 2", "'x'", "expected a number"),
                new Case("similarity: ragged rows", () -> similarity(ragged, out), ragged + ": line 2", "expected 3"),
                new Case("similarity: empty file", () -> similarity(empty, out), empty.toString(), "empty"),
                new Case("similarity: NaN cell", () -> similarity(nan, out), nan + ": line 2, column 2", "NaN", "finite number"),
                new Case("similarity: one row", () -> similarity(oneRow, out), oneRow.toString(), "1 row(s)", "at least 2"),
                new Case("similarity: broken NPY header", () -> similarity(npy, out), npy.toString(), "not an .npy file", "float64"),
                new Case("similarity: missing input", () -> similarity(work.resolve("none.csv"), out), "none.csv", "no such file"),
                new Case("similarity: unknown measure lists valid ones", () -> Cli.dnnc("similarity", "--input", good.toString(),
                        "--measure", "spearmann", "--out", out.toString()), "spearmann", "pearson, spearman"),
                new Case("similarity: output below a file", () -> similarity(good, text.resolve("out.csv")), text + "/out.csv",
                        "cannot be written"),
                new Case("cluster: output below a file", () -> Cli.dnnc("cluster", "--input", good.toString(), "--measure", "spearman",
                        "--out", text.resolve("labels.csv").toString()), text + "/labels.csv", "cannot be written"),
                new Case("cluster: non-square precomputed matrix", () -> Cli.dnnc("cluster", "--input", nonSquare.toString(),
                        "--precomputed", "--algorithm", "affinity-propagation", "--out", work.resolve("labels.csv").toString()),
                        nonSquare.toString(), "2 x 3", "square"),
                new Case("cluster: out-of-range damping", () -> Cli.dnnc("cluster", "--input", square.toString(), "--precomputed",
                        "--algorithm", "affinity-propagation", "--damping", "1.5", "--out", work.resolve("labels.csv").toString()),
                        "'damping'", "[0.5, 1)"));
    }

    private static Cli similarity(Path input, Path out) {
        return Cli.dnnc("similarity", "--input", input.toString(), "--measure", "spearman", "--out", out.toString());
    }

    // ---- runs and the record store ---------------------------------------------------------------------------

    private static List<Case> records() {
        Path notH2 = folder("store-not-h2");
        put(notH2, "records.mv.db", "this is somebody's notes, not a database\n".getBytes());
        Path cutShort = folder("store-cut-short");
        Path zeroed = folder("store-zeroed");
        Path fileInTheWay = write("a-file", "not a folder");
        return List.of(
                new Case("runs show: unknown id", () -> Cli.dnnc("runs", "show", "20990101-000000-beef", "--runs", runs.toString()),
                        "20990101-000000-beef", "dnnc runs list"),
                new Case("runs rerun: unknown id", () -> Cli.dnnc("runs", "rerun", "20990101-000000-beef", "--runs", runs.toString()),
                        "20990101-000000-beef", "dnnc runs list"),
                new Case("runs compare: unknown id", () -> Cli.dnnc("runs", "compare", "nope-1", "nope-2", "--runs", runs.toString()),
                        "nope-1"),
                new Case("store file that is not H2 is not overwritten", () -> unchangedFile(notH2.resolve("records.mv.db"),
                        () -> Cli.dnnc("runs", "list", "--runs", notH2.toString())), "records.mv.db", "is not an H2 database",
                        "will not overwrite it"),
                new Case("store cut short is reported, not repaired", () -> {
                    damagedCopy(cutShort, bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 3));
                    return unchangedFile(cutShort.resolve("records.mv.db"), () -> Cli.dnnc("runs", "list", "--runs", cutShort.toString()));
                }, "records.mv.db", "is corrupted", "dnnc has not changed it", "dnnc runs recover --runs"),
                new Case("store that H2 would open as an older state is reported", () -> {
                    damagedCopy(zeroed, bytes -> {
                        java.util.Arrays.fill(bytes, 8192, bytes.length, (byte) 0);
                        return bytes;
                    });
                    // H2 rewrites the header of such a file while opening it, before dnnc can look: only the report is checked
                    return Cli.dnnc("runs", "list", "--runs", zeroed.toString());
                }, "records.mv.db", "is damaged", "held 1 runs and now shows 0", "dnnc runs recover --runs"),
                new Case("run into a store that is not H2", () -> unchangedFile(notH2.resolve("records.mv.db"),
                        () -> run(Cli.resource("load.yaml"), "--runs", notH2.toString())), "is not an H2 database"),
                new Case("runs folder below a file", () -> run(Cli.resource("load.yaml"), "--runs", fileInTheWay.resolve("runs").toString()),
                        "a-file", "runs folder"));
    }

    // ---- dnnc query: every statement class H2 lets a non-admin user run ----------------------------------------

    /**
     * What the SELECT-only user may still ask H2 for (its own password, session settings, built-in calls,
     * transaction control, a second statement behind the first or hidden by a comment, a write inside a query as a
     * data change delta table, which parses as SELECT and is refused by rights), very long and endless
     * queries, and bad options. Each is refused in one line, and afterwards {@code dnnc query} and
     * {@code dnnc runs list} work on the store as before.
     */
    private static List<Case> queries() {
        String notAQuery = "is not a query";
        String accepted = "SELECT, WITH ... SELECT, VALUES, TABLE or EXPLAIN";
        String severalStatements = "2 statements given";
        String endless = "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b WHERE a.X + b.X = 7";
        return List.of(
                query("SET PASSWORD 'x'", notAQuery, "'SET PASSWORD'", accepted),
                query("ALTER USER DNNC_READER SET PASSWORD 'x'", notAQuery, "'ALTER USER'", accepted),
                query("SET SALT '00' HASH '00'", notAQuery, accepted),
                query("SET QUERY_TIMEOUT 0", notAQuery, accepted),
                query("SET LOCK_TIMEOUT 0", notAQuery, accepted),
                query("SET SCHEMA INFORMATION_SCHEMA", notAQuery, accepted),
                query("SET @reader = 1", notAQuery, accepted),
                query("SET AUTOCOMMIT OFF", notAQuery, accepted),
                query("SET TIME ZONE '+05:00'", notAQuery, accepted),
                query("SET MODE MySQL", notAQuery, accepted),
                query("SET WRITE_DELAY 100000", notAQuery, accepted),
                query("CALL DATABASE_PATH()", notAQuery, "'CALL DATABASE_PATH()'", accepted),
                query("CALL H2VERSION()", notAQuery, accepted),
                query("CALL DISK_SPACE_USED('RUNS')", notAQuery, accepted),
                query("CALL CANCEL_SESSION(1)", notAQuery, accepted),
                query("CALL ABORT_SESSION(1)", notAQuery, accepted),
                query("CALL 1", notAQuery, accepted),
                query("HELP SELECT", notAQuery, accepted),
                query("EXPLAIN ANALYZE SELECT * FROM runs", notAQuery, accepted),
                query("COMMIT", notAQuery, accepted),
                query("ROLLBACK", notAQuery, accepted),
                query("BEGIN", notAQuery, accepted),
                query("SAVEPOINT s", notAQuery, accepted),
                query("PREPARE COMMIT t", notAQuery, accepted),
                query("CHECKPOINT", notAQuery, accepted),
                query("SELECT COUNT(*) FROM runs; SET PASSWORD 'x'", severalStatements, accepted),
                query("SELECT 1; SELECT 2", severalStatements, accepted),
                query("SELECT 1;SET PASSWORD 'x';", severalStatements),
                query("SELECT 1 /* a comment */; SET PASSWORD 'x'", severalStatements),
                query("SELECT 1 -- a comment\n; SET PASSWORD 'x'", severalStatements),
                query("SELECT '/*' AS a; SET PASSWORD 'x' -- */", severalStatements),
                query("SELECT $$ ; $$ AS a; SET PASSWORD 'x'", severalStatements),
                query("SELECT * FROM OLD TABLE (UPDATE runs SET status = 'failed')", "Not enough rights", "RUNS"),
                query("SELECT * FROM FINAL TABLE (INSERT INTO warnings (run_id, message, recorded_at) "
                        + "SELECT id, 'x', started_at FROM runs)", "Not enough rights", "WARNINGS"),
                query("", "no statement given", accepted),
                query(" ; ", "no statement given", accepted),
                query("-- nothing but a comment", "no statement given"),
                query("SET PASSWORD '" + "x".repeat(200_000) + "'", notAQuery),
                query("SELECT " + "1 + ".repeat(100_000) + "seed FROM runs", "nested too deeply"),
                query("SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000), "nested too deeply"),
                new Case("query: past its --timeout", () -> stillUsableAfter(Cli.dnnc("query", endless, "--timeout", "1",
                        "--runs", runs.toString())), "query cancelled", "time limit of 1 s", "narrow it"),
                new Case("query: zero --timeout", () -> stillUsableAfter(Cli.dnnc("query", "SELECT 1", "--timeout", "0",
                        "--runs", runs.toString())), "--timeout", "seconds in [0.001, 86400]"),
                new Case("query: --timeout that is not a number", () -> stillUsableAfter(Cli.dnnc("query", "SELECT 1",
                        "--timeout", "soon", "--runs", runs.toString())), "--timeout", "'soon'"));
    }

    private static Case query(String sql, String... expected) {
        String name = sql.length() > 60 ? sql.substring(0, 40) + "... (" + sql.length() + " characters)" : sql;
        return new Case("query: " + name.replace("\n", "\\n"), () -> stillUsableAfter(Cli.dnnc("query", sql, "--runs",
                runs.toString())), expected);
    }

    /** Whatever the refused query did, the store answers queries and lists its runs as before. */
    private static Cli stillUsableAfter(Cli refused) {
        Cli counted = Cli.dnnc("query", "SELECT COUNT(*) AS runs FROM runs", "--csv", "--runs", runs.toString()).assertSucceeded();
        assertEquals(List.of("RUNS", "1"), counted.out().strip().lines().toList());
        Cli listed = Cli.dnnc("runs", "list", "--runs", runs.toString()).assertSucceeded();
        assertTrue(listed.out().contains("succeeded"), listed.out());
        return refused;
    }

    /** A copy of the real store (and its watermark) damaged as a failing disk would. */
    private static void damagedCopy(Path into, java.util.function.UnaryOperator<byte[]> damage) {
        try {
            Files.write(into.resolve("records.mv.db"), damage.apply(read(runs.resolve("records.mv.db"))));
            Files.copy(runs.resolve("records.watermark"), into.resolve("records.watermark"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cli unchangedFile(Path file, Supplier<Cli> call) {
        String before = StoreDigest.sha256(read(file));
        Cli cli = call.get();
        assertEquals(before, StoreDigest.sha256(read(file)), file + " left byte for byte as it was");
        return cli;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Cli run(Path workflow, String... more) {
        List<String> args = new ArrayList<>(List.of("run", workflow.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--runs")) {
            args.addAll(List.of("--runs", runs.toString()));
        }
        return Cli.dnnc(args.toArray(String[]::new));
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(work.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String name) {
        try {
            return Files.createDirectories(work.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Path folder, String name, byte[] bytes) {
        try {
            Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
