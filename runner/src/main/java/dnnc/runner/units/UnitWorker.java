package dnnc.runner.units;

import dnnc.api.Recorder;
import dnnc.api.Blackboard;
import dnnc.api.InvalidInputException;
import dnnc.api.Plugin;
import dnnc.api.PluginRef;
import dnnc.api.Slots;
import dnnc.api.Progress;
import dnnc.api.UnitTask;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.Causes;
import dnnc.runner.run.StudyRun;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes units from the broker's queue with the plugins of this JVM's catalog and replies to the queue each unit
 * names. A unit is taken in a transaction that commits only after its reply was sent: a worker killed mid-unit
 * leaves the unit on the broker, which hands it to another worker. Units that need the run's model first run the
 * run's data and model steps here once (from this machine's model cache, or training with the run's seeds) and keep
 * the result for the next units of the run.
 */
public final class UnitWorker {
    private final PluginCatalog catalog;
    private final UnitCodec codec;
    private final Path cacheDir;
    private final PrintStream log;
    private final String name;
    private final Map<Prelude, Blackboard> prepared = new HashMap<>();

    public UnitWorker(PluginCatalog catalog, Path cacheDir, PrintStream log) {
        this.catalog = catalog;
        this.codec = new UnitCodec(catalog.classLoader());
        this.cacheDir = cacheDir;
        this.log = log;
        this.name = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** "pid@host": who computed a unit. */
    public String name() {
        return name;
    }

    /** Consumes units from the link's queue on {@code threads} threads until the link closes. */
    public void attach(BrokerLink link, int threads) {
        link.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + BrokerLink.UNITS_QUEUE + "?transacted=true&concurrentConsumers=" + threads
                        + "&maxConcurrentConsumers=" + threads + "&disableReplyTo=true")
                        .routeId("dnnc-worker")
                        .process(UnitWorker.this::compute)
                        .toD("jms:queue:${header." + BrokerLink.REPLY_QUEUE + "}?explicitQosEnabled=true&timeToLive="
                                + BrokerLink.REPLY_LIFETIME_MILLIS);
            }
        });
    }

    /** What the run's own JVM already holds for a prelude: its worker computes on the run's slots. */
    public void offer(Prelude prelude, Blackboard board) {
        synchronized (prepared) {
            prepared.putIfAbsent(prelude, board);
        }
    }

    private void compute(Exchange exchange) {
        String runId = exchange.getIn().getHeader(BrokerLink.RUN_ID, String.class);
        String unitId = exchange.getIn().getHeader(BrokerLink.UNIT_ID, String.class);
        log.println("dnnc worker: computing unit " + unitId + " of run " + runId);
        UnitReply reply;
        try {
            Serializable result = computeUnit(codec.decode(exchange.getIn().getBody(byte[].class), UnitRequest.class));
            reply = new UnitReply(runId, unitId, result, null, name);
            log.println("dnnc worker: unit " + unitId + " of run " + runId + " done");
        } catch (RuntimeException | Error e) {
            // a unit that fails here would fail on any worker: the run hears why instead of the broker retrying it
            String reason = Causes.find(e, InvalidInputException.class).map(Throwable::getMessage)
                    .orElse(e + " (" + Causes.rootMessage(e) + ")");
            reply = new UnitReply(runId, unitId, null, "worker " + name + ": " + reason, name);
            log.println("dnnc worker: unit " + unitId + " of run " + runId + " failed: " + reason);
        }
        exchange.getIn().setBody(UnitCodec.encode(reply));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializable computeUnit(UnitRequest request) {
        Blackboard board = prepare(request.prelude());
        Plugin plugin = catalog.configured(request.plugin());
        UnitTask task = request.task();
        return (Serializable) task.compute(plugin, board, Progress.silent());
    }

    private Blackboard prepare(Prelude prelude) {
        if (prelude.isEmpty()) {
            Blackboard board = new Blackboard();
            board.put(Slots.PLUGINS, catalog);
            return board;
        }
        synchronized (prepared) {
            Blackboard board = prepared.get(prelude);
            if (board == null) {
                board = run(prelude);
                prepared.put(prelude, board);
            }
            return board;
        }
    }

    /** The prelude's steps, each through its kind's stage as in a run; its records stay here. */
    private Blackboard run(Prelude prelude) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("dnnc-worker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StudyRun context = new StudyRun("worker", scratch, cacheDir, prelude.seed(), () -> Recorder.discarding(message -> { }), log, false);
        for (PluginRef step : prelude.steps()) {
            log.println("dnnc worker: preparing " + step);
            catalog.stage(step.kind()).run(catalog.configured(step), context);
        }
        ModelHashes.check(prelude, context.blackboard(), cacheDir);
        context.blackboard().put(Slots.PLUGINS, catalog);
        return context.blackboard();
    }
}
