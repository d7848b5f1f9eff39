package dnnc.web;

import dnnc.api.InvalidInputException;
import dnnc.db.RecordStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;

import java.util.Map;

/**
 * {@code dnnc serve}: the record store of a runs folder as a local web app. Every page is a static shell whose
 * script reads the JSON API under /api/ and builds the page with text nodes, so nothing recorded is ever parsed as
 * markup; the Content-Security-Policy forbids inline scripts as a second fence.
 */
public final class WebApp implements AutoCloseable {
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private final Javalin server;

    private WebApp(Javalin server) {
        this.server = server;
    }

    /** Serves the store on host:port (0: any free port); a port in use is an {@link InvalidInputException}. */
    public static WebApp start(RecordStore store, String host, int port) {
        RunsApi runs = new RunsApi(store);
        RunApi run = new RunApi(store.readOnly(), store.runsDir());
        CompareApi compare = new CompareApi(store.readOnly());
        Pages pages = new Pages(store.readOnly());
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/dnnc/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
            });
            config.routes.before(WebApp::securityHeaders);
            config.routes.get("/", pages::runs);
            config.routes.get("/runs/{id}", pages::run);
            config.routes.get("/compare", pages::compare);
            config.routes.get("/runs/{id}/files/<path>", run::file);
            config.routes.get("/api/runs", runs::table);
            config.routes.get("/api/runs.csv", runs::csv);
            config.routes.get("/api/chart", runs::chart);
            config.routes.get("/api/runs/{id}", run::details);
            config.routes.get("/api/compare", compare::compare);
            config.routes.exception(UnknownRunException.class, (e, ctx) -> failure(ctx, 404, e.getMessage()));
            config.routes.exception(InvalidInputException.class, (e, ctx) -> failure(ctx, 400, e.getMessage()));
            config.routes.error(404, "", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    failure(ctx, 404, "no page at " + ctx.path());
                }
            });
        });
        try {
            server.start();
        } catch (JavalinBindException e) {
            server.stop();
            throw new InvalidInputException("cannot serve on " + host + ":" + port + ": the port is in use or not "
                    + "allowed; choose another with --port (0 picks a free one)", e);
        }
        return new WebApp(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (!ctx.path().contains("/files/")) {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
            ctx.header("X-Frame-Options", "DENY");
        }
    }

    /** API paths answer JSON {"error": ...}; pages answer a page that says what went wrong. */
    static void failure(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message));
        } else {
            ctx.html(Pages.errorPage(status, message));
        }
    }
}
