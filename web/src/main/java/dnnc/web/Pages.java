package dnnc.web;

import dnnc.db.ReadOnlyRecords;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTML pages: static shells (their scripts fill them from /api/), and the page that says what went wrong. */
final class Pages {
    private final ReadOnlyRecords records;
    private final String runsPage = resource("runs.html");
    private final String runPage = resource("run.html");
    private final String comparePage = resource("compare.html");

    Pages(ReadOnlyRecords records) {
        this.records = records;
    }

    void runs(Context ctx) {
        ctx.html(runsPage);
    }

    void run(Context ctx) {
        String id = ctx.pathParam("id");
        RunApi.known(records, id, () -> id);
        ctx.html(runPage);
    }

    void compare(Context ctx) {
        ctx.html(comparePage);
    }

    static String errorPage(int status, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dnnc: " + status + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><header><a href=\"/\">dnnc runs</a></header>"
                + "<main><h1>" + (status == 404 ? "Not found" : "Cannot show this") + "</h1><p class=\"error\">"
                + escape(message) + "</p><p><a href=\"/\">All runs</a></p></main></body></html>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/dnnc/web/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing page " + name + " in the dnnc-web jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
