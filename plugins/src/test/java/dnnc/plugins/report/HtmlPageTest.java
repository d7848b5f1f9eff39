package dnnc.plugins.report;

import dnnc.plugins.figures.PngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlPageTest {
    @Test
    void embedsFiguresAsDataUrisThatDecodeToTheFileBytes(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        Path png = PngWriter.write(dir.resolve("fig.png"), image);
        String html = new HtmlPage("t").figure("3.1", png, "a <caption> & more", "missing").render();
        String prefix = "src=\"data:image/png;base64,";
        int start = html.indexOf(prefix) + prefix.length();
        assertTrue(start > prefix.length(), html);
        String encoded = html.substring(start, html.indexOf('"', start));
        assertArrayEquals(Files.readAllBytes(png), Base64.getDecoder().decode(encoded));
        assertTrue(html.contains("a &lt;caption&gt; &amp; more"), html);
        assertTrue(html.contains("<b>Figure 3.1.</b>"), html);
    }

    @Test
    void aMissingFigureBecomesANoteAndTablesEscapeTheirCells(@TempDir Path dir) {
        String html = new HtmlPage("t").figure("3.5", dir.resolve("nope.png"), "caption", "not drawn: no sweep")
                .table("cap", List.of("a", "b"), List.of(List.of("<x>", "12.5")), List.of("holds")).render();
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("Figure 3.5: not drawn: no sweep"), html);
        assertTrue(html.contains("<tr class=\"holds\"><td>&lt;x&gt;</td><td class=\"num\">12.5</td></tr>"), html);
    }

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp;", HtmlPage.escape("<a href=\"x\"> &"));
    }
}
