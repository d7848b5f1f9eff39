package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.runner.units.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code dnnc broker}: ActiveMQ Artemis embedded in this JVM, for workers on one machine or a trusted network. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Start a message broker (ActiveMQ Artemis, embedded) and print `dnnc: broker at URL`: the URL that",
                "`dnnc run --broker` and `dnnc worker --broker` take. Runs until interrupted. A real deployment points",
                "them at its own Artemis broker instead."})
public final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "61616", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only; the broker has no login).")
    String host;
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "runs/broker",
            description = "Where the broker keeps the messages it holds, so they survive its restart (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port " + port + " is not a TCP port; expected 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedBroker broker = EmbeddedBroker.start(host, port, data)) {
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                spec.commandLine().getErr().println("dnnc: warning: the broker on " + host + " has no login: anyone who can "
                        + "reach it can send units to the workers; keep it on a trusted network");
                spec.commandLine().getErr().flush();
            }
            out.println("dnnc: broker at " + broker.url());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dnnc-broker-stop"));
            stopped.await();
        }
        return 0;
    }
}
