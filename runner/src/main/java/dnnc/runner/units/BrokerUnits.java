package dnnc.runner.units;

import dnnc.api.InvalidInputException;
import dnnc.api.PluginRef;
import dnnc.api.Progress;
import dnnc.api.WorkUnit;
import dnnc.api.WorkUnits;
import dnnc.db.RecordStore;
import dnnc.runner.run.RunSteps;
import dnnc.runner.run.StudyRun;
import dnnc.runner.run.UnitPlacement;
import org.apache.camel.builder.RouteBuilder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A run's units sent to the broker's unit queue and collected from the run's own reply queue (and, for a resumed
 * run, from the queue of the run it continues, where workers went on replying after that run's process died). Results are keyed by
 * unit id and recorded in the store as they arrive: a unit computed twice (its first worker died after replying)
 * counts once, and a unit whose result the store already holds for the run (a resumed run) is not sent again. The run's own JVM computes too,
 * through a {@link UnitWorker} of its own on the same queue, so a run with no worker attached still finishes.
 */
public final class BrokerUnits implements UnitPlacement, AutoCloseable {
    /** How long without any reply before the broker is asked whether it is still there. */
    private static final long QUIET_SECONDS = 20;

    private final BrokerLink link;
    private final String runId;
    private final RunSteps steps;
    private final UnitWorker ownWorker;
    private final UnitCodec codec;
    private final String replyQueue;
    private final RecordStore store;
    private final Map<String, UnitReply> replies = new ConcurrentHashMap<>();
    private final Object arrived = new Object();

    /** {@code earlierRun}: the run this one resumes, or null. */
    public BrokerUnits(BrokerLink link, String runId, String earlierRun, RunSteps steps, UnitWorker ownWorker, ClassLoader loader,
                       RecordStore store) {
        this.link = link;
        this.runId = runId;
        this.steps = steps;
        this.ownWorker = ownWorker;
        this.codec = new UnitCodec(loader);
        this.store = store;
        store.unitResults(runId).forEach((unitId, result) ->
                replies.put(unitId, new UnitReply(runId, unitId, codec.decode(result, Serializable.class), null, "recorded")));
        this.replyQueue = BrokerLink.replyQueue(runId);
        link.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + replyQueue).routeId("dnnc-replies").process(exchange -> accept(exchange.getIn().getBody(byte[].class)));
                if (earlierRun != null) {
                    from("jms:queue:" + BrokerLink.replyQueue(earlierRun)).routeId("dnnc-earlier-replies")
                            .process(exchange -> accept(exchange.getIn().getBody(byte[].class)));
                }
            }
        });
    }

    private void accept(byte[] body) {
        UnitReply reply = codec.decode(body, UnitReply.class);
        if (!reply.failed()) {
            store.putUnitResult(runId, reply.unitId(), UnitCodec.encode(reply.result()), reply.worker());
        }
        replies.putIfAbsent(reply.unitId(), reply);
        synchronized (arrived) {
            arrived.notifyAll();
        }
    }

    @Override
    public WorkUnits units(StudyRun run) {
        return new WorkUnits() {
            @Override
            public <R extends Serializable> List<R> compute(List<WorkUnit<?, R>> units, Progress progress) {
                return dispatch(run, units, progress);
            }
        };
    }

    private <R extends Serializable> List<R> dispatch(StudyRun run, List<WorkUnit<?, R>> units, Progress progress) {
        Map<String, Integer> order = new LinkedHashMap<>();
        int step = steps.current();
        for (WorkUnit<?, R> unit : units) {
            String unitId = step + ":" + unit.task().id();
            if (order.put(unitId, order.size()) != null) {
                throw new IllegalStateException("two units of step " + step + " are both named " + unit.task().id());
            }
            if (replies.containsKey(unitId) && !replies.get(unitId).failed()) {
                continue;
            }
            Prelude prelude = prelude(run, unit);
            if (ownWorker != null && !prelude.isEmpty()) {
                ownWorker.offer(prelude, run.blackboard());
            }
            UnitRequest request = new UnitRequest(prelude, PluginRef.of(unit.plugin()), unit.task());
            link.send(BrokerLink.UNITS_QUEUE, UnitCodec.encode(request), Map.of(BrokerLink.REPLY_QUEUE, replyQueue,
                    BrokerLink.RUN_ID, runId, BrokerLink.UNIT_ID, unitId));
        }
        awaitAll(order.keySet(), progress);
        List<R> results = new ArrayList<>(units.size());
        for (Map.Entry<String, Integer> entry : order.entrySet()) {
            @SuppressWarnings("unchecked")
            R result = (R) replies.get(entry.getKey()).result();
            results.add(result);
        }
        return results;
    }

    private Prelude prelude(StudyRun run, WorkUnit<?, ?> unit) {
        if (unit.task().needs().isEmpty()) {
            return Prelude.NONE;
        }
        return new Prelude(run.seed(), steps.preparing(unit.task().needs()), ModelHashes.of(run.blackboard()));
    }

    private void awaitAll(java.util.Set<String> unitIds, Progress progress) {
        int done = 0;
        long quietSince = System.nanoTime();
        while (done < unitIds.size()) {
            int now = 0;
            for (String id : unitIds) {
                UnitReply reply = replies.get(id);
                if (reply != null) {
                    if (reply.failed()) {
                        throw new InvalidInputException("unit " + id + " failed on " + reply.error());
                    }
                    now++;
                }
            }
            if (now > done) {
                progress.advance(now - done);
                done = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(QUIET_SECONDS)) {
                link.check();
                quietSince = System.nanoTime();
            }
            if (done < unitIds.size()) {
                waitForReplies();
            }
        }
    }

    private void waitForReplies() {
        synchronized (arrived) {
            try {
                arrived.wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            }
        }
    }

    /** Stops this run's routes and its own worker; units still on the broker stay there for other runs' workers. */
    @Override
    public void close() {
        link.close();
    }
}
