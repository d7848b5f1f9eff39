package dnnc.runner.units;

import dnnc.runner.PluginCatalog;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reply whose run is gone does not stay on the broker for ever: workers send every reply with a lifetime, after
 * which the broker drops it (and with the last one the run's reply queue).
 */
class ReplyLifetimeTest {
    @TempDir
    Path work;

    @Test
    void aReplyNobodyTakesExpires() throws Exception {
        String replies = BrokerLink.replyQueue("20990101-000000-dead");
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, work.resolve("broker"));
             BrokerLink link = BrokerLink.open(broker.url());
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
             Connection connection = factory.createConnection()) {
            new UnitWorker(new PluginCatalog(), work.resolve("cache"), new PrintStream(OutputStream.nullOutputStream()))
                    .attach(link, 1);
            long sent = System.currentTimeMillis();
            // not a unit at all: the worker replies that it failed, which is reply enough to look at
            link.send(BrokerLink.UNITS_QUEUE, new byte[]{1, 2, 3}, Map.of(BrokerLink.REPLY_QUEUE, replies,
                    BrokerLink.RUN_ID, "20990101-000000-dead", BrokerLink.UNIT_ID, "1:nothing"));
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(replies));
            Message reply = consumer.receive(TimeUnit.MINUTES.toMillis(2));
            assertNotNull(reply, "the worker replied");
            long received = System.currentTimeMillis();
            long expires = reply.getJMSExpiration();
            assertTrue(expires >= sent + BrokerLink.REPLY_LIFETIME_MILLIS && expires <= received + BrokerLink.REPLY_LIFETIME_MILLIS,
                    "sent at " + sent + ", received at " + received + ", expires at " + expires);
        }
    }
}
