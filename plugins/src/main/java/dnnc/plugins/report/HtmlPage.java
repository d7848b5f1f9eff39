package dnnc.plugins.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML document built top to bottom: headings, paragraphs, tables and figures whose images are
 * embedded as data: URIs, styled inline. Nothing it writes refers to another file or needs a script.
 */
final class HtmlPage {
    private static final String STYLE = """
            body{font-family:Georgia,'DejaVu Serif',serif;max-width:1100px;margin:2em auto;padding:0 1.5em;color:#222;line-height:1.45}
            h1{font-size:1.9em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
            h3{margin-top:1.5em}.lead{font-size:1.1em;color:#444}
            table{border-collapse:collapse;margin:1em 0;font-size:.92em}caption{text-align:left;padding:.3em 0;font-style:italic}th,td{border:1px solid #bbb;padding:.3em .6em;vertical-align:top}
            th{background:#f0f0f0;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.5em 0;text-align:center}figure img{max-width:100%;border:1px solid #ddd}
            figcaption{text-align:left;font-size:.93em;color:#333;margin-top:.5em}
            .holds{background:#dff3df}.partly{background:#fdf3d0}.fails{background:#f8dcdc}.missing{background:#eee}
            code,pre{font-family:'DejaVu Sans Mono',monospace;font-size:.88em;background:#f6f6f6}pre{padding:.6em;white-space:pre-wrap;word-break:break-all}
            .note{color:#555;font-size:.92em}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage heading(int level, String id, String text) {
        body.append("<h").append(level).append(id == null ? "" : " id=\"" + escape(id) + "\"").append('>')
                .append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A paragraph of plain text (escaped). */
    HtmlPage paragraph(String text) {
        return raw("<p>" + escape(text) + "</p>\n");
    }

    HtmlPage paragraph(String cssClass, String text) {
        return raw("<p class=\"" + cssClass + "\">" + escape(text) + "</p>\n");
    }

    HtmlPage preformatted(String text) {
        return raw("<pre>" + escape(text) + "</pre>\n");
    }

    /** Markup the caller built from escaped parts. */
    HtmlPage raw(String html) {
        body.append(html);
        return this;
    }

    /**
     * An embedded image with its caption; a missing file becomes a note saying which step would have drawn it, or
     * nothing when {@code missingNote} is empty (optional figures).
     */
    HtmlPage figure(String number, Path image, String caption, String missingNote) {
        if (image == null || !Files.isRegularFile(image)) {
            if (missingNote.isEmpty()) {
                return this;   // an optional figure: its absence needs no word
            }
            return raw("<p class=\"note\">Figure " + escape(number) + ": " + escape(missingNote) + "</p>\n");
        }
        body.append("<figure id=\"figure-").append(escape(number)).append("\"><img alt=\"figure ").append(escape(number))
                .append("\" src=\"").append(dataUri(image)).append("\"><figcaption><b>Figure ").append(escape(number))
                .append(".</b> ").append(escape(caption)).append(" <span class=\"note\">(").append(escape(image.getFileName().toString()))
                .append(" in the run folder)</span></figcaption></figure>\n");
        return this;
    }

    /** A table of escaped cells; {@code rowClasses} (may be null) gives each body row a CSS class. */
    HtmlPage table(String caption, List<String> header, List<List<String>> rows, List<String> rowClasses) {
        body.append("<table>");
        if (caption != null) {
            body.append("<caption>").append(escape(caption)).append("</caption>");
        }
        body.append("<thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String css = rowClasses == null ? null : rowClasses.get(r);
            body.append(css == null ? "<tr>" : "<tr class=\"" + css + "\">");
            for (String cell : rows.get(r)) {
                body.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n<style>"
                + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
    }

    static String dataUri(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".gif") ? "image/gif" : name.endsWith(".png") ? "image/png" : null;
        if (type == null) {
            throw new IllegalArgumentException("not a PNG or GIF: " + image);
        }
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(image));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read figure " + image, e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?[0-9][0-9.,eE+\\-]*( ?[%x×°])?");
    }
}
