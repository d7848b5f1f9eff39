package dnnc.web;

import dnnc.db.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees in a real headless Chromium: the table, a filter, a run, a compare, the charts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    @TempDir
    static Path runs;
    @TempDir
    static Path profile;
    private RecordStore store;
    private WebApp app;
    private StoreFixture fixture;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void serveAndOpenTheBrowser() throws IOException {
        store = RecordStore.open(runs);
        fixture = new StoreFixture(store);
        app = WebApp.start(store, "127.0.0.1", 0);
        browser = Browser.start(profile);
        // patience for a loaded 2-core machine; the waits end as soon as the page is ready
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // the table is redrawn when a sort or filter lands: a row found just before is then stale, so look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theRunsTableShowsEveryRunAndMarkupAsText() throws IOException {
        open("/");
        assertEquals(fixture.running, rowIds(5).get(0));
        String table = textOf(By.id("runs"));
        assertTrue(table.contains(StoreFixture.XSS_WORKFLOW), "the workflow name shows as the text it is");
        assertTrue(table.contains("<script>alert(2)</script>"), "a parameter value shows as the text it is");
        assertTrue(browser.findElements(By.cssSelector("#runs img")).isEmpty(), "no markup was made of a recorded value");
        assertNoAlert();
        assertTrue(textOf(By.id("count")).startsWith("5 of 5 runs match"));
        wait.until(d -> !d.findElements(By.cssSelector("#chart-series canvas")).isEmpty());
        Browser.screenshot(browser, "runs-table");
    }

    @Test
    void filteringAndSortingNarrowTheTable() throws IOException {
        open("/");
        rowIds(5);
        type(By.id("filter"), "beta > 2 and model.test_bce < 160");
        click(By.id("apply"));
        assertEquals(List.of(fixture.first), rowIds(1));
        assertTrue(browser.getCurrentUrl().contains("filter="), "the filter is in the address, to share");
        Browser.screenshot(browser, "runs-filtered");
        type(By.id("filter"), "beta >");
        click(By.id("apply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#error .error")));
        String error = textOf(By.cssSelector("#error .error"));
        assertTrue(error.contains("expected a value"), error);
        Browser.screenshot(browser, "runs-bad-filter");
        open("/?status=succeeded");
        rowIds(2);
        click(By.cssSelector("th[data-key='model.test_bce']"));
        wait.until(d -> d.getCurrentUrl().contains("sort=model.test_bce"));
        wait.until(d -> fixture.first.equals(d.findElements(By.cssSelector("#runs tbody tr")).get(0).getAttribute("data-id")));
    }

    @Test
    void aRunPageShowsStepsFiguresResultsAndTheReportWithoutRunningItsScripts() throws IOException {
        open("/");
        rowIds(5);
        click(By.linkText(fixture.first));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-id"), fixture.first));
        assertEquals(2, browser.findElements(By.cssSelector("#steps .step")).size());
        String figureWidth = "const figure = document.querySelector(\"#figures img[src$='figure-3-1.png']\");"
                + " return figure === null ? 0 : figure.naturalWidth";
        wait.until(d -> ((Number) browser.executeScript(figureWidth)).intValue() > 0);
        assertEquals(28L, browser.executeScript(figureWidth));
        assertTrue(textOf(By.id("warnings")).contains("clustering <b>did not</b> converge"));
        assertTrue(textOf(By.id("results")).contains("test_bce: 150.5"));
        assertTrue(textOf(By.id("workflow-text")).contains("uri: direct:main"));
        assertTrue(textOf(By.cssSelector("pre.command")).startsWith("./dnnc runs rerun " + fixture.first));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("report")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Study report"));
        browser.switchTo().defaultContent();
        assertEquals("dnnc: run " + fixture.first, browser.getTitle(), "the report's script did not run");
        Browser.screenshot(browser, "run-page");
        open("/runs/" + fixture.interrupted);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-id"), fixture.interrupted));
        assertTrue(textOf(By.tagName("main")).contains(StoreFixture.XSS_WORKFLOW));
        assertNoAlert();
        open("/runs/20990101-000000-dead");
        assertTrue(textOf(By.className("error")).contains("no run '20990101-000000-dead'"));
    }

    @Test
    void compareShowsOnlyDifferencesByDefault() throws IOException {
        open("/?status=succeeded");
        rowIds(2);
        click(By.cssSelector("#runs tbody tr:nth-child(1) input[type=checkbox]"));
        click(By.cssSelector("#runs tbody tr:nth-child(2) input[type=checkbox]"));
        click(By.id("compare"));
        wait.until(d -> !d.findElements(By.cssSelector("#comparison tbody tr.differs")).isEmpty());
        wait.until(d -> d.findElement(By.id("only-differences")).isSelected());
        assertFalse(browser.findElements(By.cssSelector("tr[data-key='results:model.test_bce']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("tr[data-key='parameters:epochs']")).isEmpty(), "equal rows are hidden");
        String delta = textOf(By.cssSelector("tr[data-key='results:model.test_bce'] .delta"));
        assertTrue(delta.equals("+10.25") || delta.equals("-10.25"), delta);
        String agreement = textOf(By.id("agreement-table"));
        assertTrue(agreement.contains("0.571429"), "ARI 4/7 of the ACE clusterings: " + agreement);
        assertTrue(agreement.contains("0.4"), "Jaccard of the critical sets: " + agreement);
        Browser.screenshot(browser, "compare");
        click(By.id("only-differences"));
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-key='parameters:epochs']")).isEmpty());
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + app.port() + path);
    }

    /*
     * The pages re-render their tables as data arrives, so an element found a moment ago may be gone: every read and
     * click below finds its element afresh, and the waits (ignoring stale elements) retry until the page settles.
     */

    /** The data-ids of the table's rows once it shows {@code count} of them. */
    private List<String> rowIds(int count) {
        return wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#runs tbody tr"));
            if (rows.size() != count || !d.findElement(By.id("count")).getText().startsWith(count + " of")) {
                return null;
            }
            return rows.stream().map(row -> row.getAttribute("data-id")).toList();
        });
    }

    private String textOf(By element) {
        return wait.until(d -> d.findElement(element).getText());
    }

    private void click(By element) {
        wait.until(d -> {
            d.findElement(element).click();
            return true;
        });
    }

    private void type(By field, String text) {
        wait.until(d -> {
            WebElement input = d.findElement(field);
            input.clear();
            input.sendKeys(text);
            return text.equals(d.findElement(field).getAttribute("value"));
        });
    }

    private void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }
}
