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
        List<WebElement> rows = rows(5);
        assertEquals(fixture.running, rows.get(0).getAttribute("data-id"));
        String table = browser.findElement(By.id("runs")).getText();
        assertTrue(table.contains(StoreFixture.XSS_WORKFLOW), "the workflow name shows as the text it is");
        assertTrue(table.contains("<script>alert(2)</script>"), "a parameter value shows as the text it is");
        assertTrue(browser.findElements(By.cssSelector("#runs img")).isEmpty(), "no markup was made of a recorded value");
        assertNoAlert();
        assertTrue(browser.findElement(By.id("count")).getText().startsWith("5 of 5 runs match"));
        wait.until(d -> !d.findElements(By.cssSelector("#chart-series canvas")).isEmpty());
        Browser.screenshot(browser, "runs-table");
    }

    @Test
    void filteringAndSortingNarrowTheTable() throws IOException {
        open("/");
        rows(5);
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("beta > 2 and model.test_bce < 160");
        browser.findElement(By.id("apply")).click();
        List<WebElement> rows = rows(1);
        assertEquals(fixture.first, rows.get(0).getAttribute("data-id"));
        assertTrue(browser.getCurrentUrl().contains("filter="), "the filter is in the address, to share");
        Browser.screenshot(browser, "runs-filtered");
        filter = browser.findElement(By.id("filter"));
        filter.clear();
        filter.sendKeys("beta >");
        browser.findElement(By.id("apply")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#error .error")));
        assertTrue(error.getText().contains("expected a value"), error.getText());
        Browser.screenshot(browser, "runs-bad-filter");
        open("/?status=succeeded");
        rows(2);
        browser.findElement(By.cssSelector("th[data-key='model.test_bce']")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=model.test_bce"));
        wait.until(d -> fixture.first.equals(d.findElements(By.cssSelector("#runs tbody tr")).get(0).getAttribute("data-id")));
    }

    @Test
    void aRunPageShowsStepsFiguresResultsAndTheReportWithoutRunningItsScripts() throws IOException {
        open("/");
        rows(5);
        browser.findElement(By.linkText(fixture.first)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-id"), fixture.first));
        assertEquals(2, browser.findElements(By.cssSelector("#steps .step")).size());
        WebElement figure = browser.findElement(By.cssSelector("#figures img[src$='figure-3-1.png']"));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", figure)).intValue() > 0);
        assertEquals(28L, browser.executeScript("return arguments[0].naturalWidth", figure));
        assertTrue(browser.findElement(By.id("warnings")).getText().contains("clustering <b>did not</b> converge"));
        assertTrue(browser.findElement(By.id("results")).getText().contains("test_bce: 150.5"));
        assertTrue(browser.findElement(By.id("workflow-text")).getText().contains("uri: direct:main"));
        assertTrue(browser.findElement(By.cssSelector("pre.command")).getText().startsWith("./dnnc runs rerun " + fixture.first));
        browser.switchTo().frame(browser.findElement(By.id("report")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Study report"));
        browser.switchTo().defaultContent();
        assertEquals("dnnc: run " + fixture.first, browser.getTitle(), "the report's script did not run");
        Browser.screenshot(browser, "run-page");
        open("/runs/" + fixture.interrupted);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-id"), fixture.interrupted));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(StoreFixture.XSS_WORKFLOW));
        assertNoAlert();
        open("/runs/20990101-000000-dead");
        assertTrue(browser.findElement(By.className("error")).getText().contains("no run '20990101-000000-dead'"));
    }

    @Test
    void compareShowsOnlyDifferencesByDefault() throws IOException {
        open("/?status=succeeded");
        List<WebElement> rows = rows(2);
        rows.get(0).findElement(By.cssSelector("input[type=checkbox]")).click();
        rows.get(1).findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.findElement(By.id("compare")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#comparison tbody tr.differs")).isEmpty());
        assertTrue(browser.findElement(By.id("only-differences")).isSelected());
        assertFalse(browser.findElements(By.cssSelector("tr[data-key='results:model.test_bce']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("tr[data-key='parameters:epochs']")).isEmpty(), "equal rows are hidden");
        String delta = browser.findElement(By.cssSelector("tr[data-key='results:model.test_bce'] .delta")).getText();
        assertTrue(delta.equals("+10.25") || delta.equals("-10.25"), delta);
        WebElement agreement = browser.findElement(By.id("agreement-table"));
        assertTrue(agreement.getText().contains("0.571429"), "ARI 4/7 of the ACE clusterings: " + agreement.getText());
        assertTrue(agreement.getText().contains("0.4"), "Jaccard of the critical sets: " + agreement.getText());
        Browser.screenshot(browser, "compare");
        browser.findElement(By.id("only-differences")).click();
        assertFalse(browser.findElements(By.cssSelector("tr[data-key='parameters:epochs']")).isEmpty());
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + app.port() + path);
    }

    private List<WebElement> rows(int count) {
        wait.until(d -> d.findElements(By.cssSelector("#runs tbody tr")).size() == count
                && d.findElement(By.id("count")).getText().startsWith(count + " of"));
        return browser.findElements(By.cssSelector("#runs tbody tr"));
    }

    private void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }
}
