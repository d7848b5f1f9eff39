package dnnc.runner.units;

import dnnc.api.InvalidInputException;
import dnnc.runner.run.Causes;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * ActiveMQ Artemis in this JVM, for trying dnnc's workers on one machine and for tests: persistent (units survive a
 * restart of the broker), no users (bind it to a trusted network only), the core protocol on one TCP port.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts a broker on {@code host:port} (port 0: a free one) keeping its journal under {@code dataDir}. */
    public static EmbeddedBroker start(String host, int port, Path dataDir) {
        int bound = port == 0 ? freePort() : port;
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setSecurityEnabled(false);
        String url = "tcp://" + host + ":" + bound;
        try {
            config.addAcceptorConfiguration("core", url + "?protocols=CORE");
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(config);
            server.start();
            if (!server.getActiveMQServer().isActive()) {
                throw new IllegalStateException("the broker did not become active");
            }
            return new EmbeddedBroker(server, url);
        } catch (Exception e) {
            throw new InvalidInputException("cannot start a broker at " + url + " (" + Causes.rootMessage(e)
                    + "); choose another --port or --host");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** The URL `run --broker` and `worker --broker` take. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
