package dnnc.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.Partition;
import dnnc.db.ArtifactRecord;
import dnnc.db.RunDetails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far two runs of the study agree, per alpha: the adjusted Rand index of their clusterings of the same neurons
 * (the clusters-KIND-alphaA.csv files each run wrote) and the Jaccard overlap of their critical sets
 * (findings.critical.A.neurons). Runs of different networks, or without these records, have no agreement.
 */
final class StudyAgreement {
    private static final Pattern CLUSTERS_FILE = Pattern.compile("clusters-(activation|ace)-alpha(.+)\\.csv");
    private static final Pattern CRITICAL_NEURONS = Pattern.compile("findings\\.critical\\.([^.]+)\\.neurons");
    private static final List<String> KINDS = List.of("activation", "ace");

    private StudyAgreement() {
    }

    /** Rows per alpha (ordered by value), or empty when the runs share no clustering or critical set. */
    static ArrayNode of(RunDetails a, RunDetails b) {
        Map<String, Map<String, Path>> clustersA = clusterFiles(a);
        Map<String, Map<String, Path>> clustersB = clusterFiles(b);
        Map<String, Set<Integer>> criticalA = criticalSets(a);
        Map<String, Set<Integer>> criticalB = criticalSets(b);
        TreeMap<Double, String> alphas = new TreeMap<>();
        clustersA.keySet().stream().filter(clustersB::containsKey).forEach(alpha -> alphas.put(Double.valueOf(alpha), alpha));
        criticalA.keySet().stream().filter(criticalB::containsKey).forEach(alpha -> alphas.put(Double.valueOf(alpha), alpha));
        ArrayNode rows = WebJson.NODES.arrayNode();
        for (String alpha : alphas.values()) {
            ObjectNode row = rows.addObject().put("alpha", alpha);
            ObjectNode ari = row.putObject("ari");
            for (String kind : KINDS) {
                Path fileA = clustersA.getOrDefault(alpha, Map.of()).get(kind);
                Path fileB = clustersB.getOrDefault(alpha, Map.of()).get(kind);
                Optional<Double> index = fileA == null || fileB == null ? Optional.empty() : adjustedRandIndex(fileA, fileB);
                index.ifPresentOrElse(value -> ari.put(kind, value), () -> ari.putNull(kind));
            }
            Set<Integer> setA = criticalA.get(alpha);
            Set<Integer> setB = criticalB.get(alpha);
            if (setA != null && setB != null) {
                Set<Integer> shared = new HashSet<>(setA);
                shared.retainAll(setB);
                int either = setA.size() + setB.size() - shared.size();
                row.put("criticalA", setA.size()).put("criticalB", setB.size()).put("shared", shared.size());
                if (either > 0) {
                    row.put("jaccard", (double) shared.size() / either);
                }
            }
        }
        return rows;
    }

    /** alpha label to kind to the file of labels, for the clusterings the run wrote in its own folder. */
    private static Map<String, Map<String, Path>> clusterFiles(RunDetails run) {
        Map<String, Map<String, Path>> files = new TreeMap<>();
        for (ArtifactRecord artifact : run.artifacts()) {
            Matcher name = CLUSTERS_FILE.matcher(artifact.path());
            if (name.matches()) {
                RunFiles.resolve(Path.of(run.outputDir()), artifact.path()).ifPresent(file ->
                        files.computeIfAbsent(name.group(2), alpha -> new TreeMap<>()).put(name.group(1), file));
            }
        }
        return files;
    }

    private static Map<String, Set<Integer>> criticalSets(RunDetails run) {
        Map<String, Set<Integer>> sets = new TreeMap<>();
        run.flatResults().forEach((path, value) -> {
            Matcher name = CRITICAL_NEURONS.matcher(path);
            if (name.matches() && value.isArray()) {
                Set<Integer> neurons = new HashSet<>();
                value.forEach(n -> neurons.add(n.asInt()));
                sets.put(name.group(1), neurons);
            }
        });
        return sets;
    }

    /** Empty when the two files label different numbers of neurons (runs of different networks). */
    private static Optional<Double> adjustedRandIndex(Path fileA, Path fileB) {
        int[] a = labels(fileA);
        int[] b = labels(fileB);
        return a.length == b.length ? Optional.of(new Partition(a).adjustedRandIndex(new Partition(b))) : Optional.empty();
    }

    /** The label column (last) of a clusters CSV: header "layer,index,label", then one row per neuron. */
    private static int[] labels(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.skip(1).filter(line -> !line.isBlank())
                    .mapToInt(line -> Integer.parseInt(line.substring(line.lastIndexOf(',') + 1).trim())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
