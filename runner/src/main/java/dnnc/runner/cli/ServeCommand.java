package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.db.RecordStore;
import dnnc.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code dnnc serve}: the record store as a local web app, read-only, while other dnnc processes keep writing to
 * it. Runs until interrupted (Ctrl-C, SIGTERM).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Browse the record store in a web browser: runs table with filters, run pages, compare, charts.",
                "Read-only (the SELECT-only user of dnnc query); binds to 127.0.0.1 unless --host says otherwise."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RunsFolder runs;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only; the pages have no login).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port " + port + " is not a TCP port; expected 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        try (RecordStore store = runs.open(); WebApp app = WebApp.start(store, host, port)) {
            if (!isLoopback(host)) {
                err.println("dnnc: warning: serving on " + host + " without a login: anyone who can reach this "
                        + "machine can read every record; use --host 127.0.0.1 to keep it local");
                err.flush();
            }
            out.println("dnnc: serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dnnc-serve-stop"));
            stopped.await();
        }
        return 0;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
