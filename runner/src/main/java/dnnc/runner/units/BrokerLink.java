package dnnc.runner.units;

import dnnc.api.InvalidInputException;
import dnnc.runner.run.Causes;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * A connection to the broker through Camel's JMS component: the queue of units every worker consumes, and one
 * reply queue per run. Workers take one message at a time (no prefetch), so a unit waits on the broker, not behind
 * a busy worker, and a killed worker holds none back.
 */
public final class BrokerLink implements AutoCloseable {
    /** The queue of units waiting for a worker. */
    public static final String UNITS_QUEUE = "dnnc.units";
    /** The JMS property naming the queue a unit's reply goes to. */
    static final String REPLY_QUEUE = "dnncReplyQueue";
    /** JMS properties naming a unit and its run, readable even when the unit itself cannot be decoded. */
    static final String RUN_ID = "dnncRunId";
    static final String UNIT_ID = "dnncUnitId";
    /**
     * How long a reply waits for its run. A live run takes its replies as they come; one waiting longer was sent to
     * a run whose process died, and expires (the broker then drops its empty reply queue) unless `dnnc runs resume`
     * took it first: the replies stay bounded by what the workers computed in this time.
     */
    static final long REPLY_LIFETIME_MILLIS = java.util.concurrent.TimeUnit.HOURS.toMillis(1);

    /** The queue of the replies to a run's units. */
    static String replyQueue(String runId) {
        return "dnnc.replies." + runId;
    }

    private final String url;
    private final ActiveMQConnectionFactory factory;
    private final CachingConnectionFactory cached;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    private BrokerLink(String url) {
        this.url = url;
        try {
            this.factory = new ActiveMQConnectionFactory(url);
        } catch (RuntimeException e) {
            throw new InvalidInputException("--broker '" + url + "' is not a broker URL (" + e.getMessage()
                    + "); expected tcp://HOST:PORT, as `dnnc broker` prints");
        }
        factory.setConsumerWindowSize(0);
        this.cached = new CachingConnectionFactory(factory);
        cached.setSessionCacheSize(4);
        this.camel = new DefaultCamelContext();
        JmsComponent jms = JmsComponent.jmsComponent(cached);
        camel.addComponent("jms", jms);
        camel.start();
        this.producer = camel.createProducerTemplate();
    }

    /** Connects, or says in one line that no broker answers at {@code url}. */
    public static BrokerLink open(String url) {
        BrokerLink link = new BrokerLink(url);
        try {
            link.check();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    public String url() {
        return url;
    }

    /** Throws a one-line error when the broker does not answer. */
    public void check() {
        try (Connection connection = factory.createConnection()) {
            connection.start();
        } catch (JMSException | RuntimeException e) {
            throw new InvalidInputException("no broker answers at " + url + " (" + Causes.rootMessage(e)
                    + "); start one with `dnnc broker` or give the URL of a running one with --broker");
        }
    }

    void addRoutes(RouteBuilder routes) {
        try {
            camel.addRoutes(routes);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the broker routes: " + e.getMessage(), e);
        }
    }

    void send(String queue, byte[] body, java.util.Map<String, Object> headers) {
        producer.sendBodyAndHeaders("jms:queue:" + queue, body, headers);
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            // closing after a failure: the broker may already be gone
        }
        cached.destroy();
        factory.close();
    }
}
