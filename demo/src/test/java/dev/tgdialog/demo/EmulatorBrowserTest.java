package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.demo.OrderBot.Order;
import dev.tgdialog.demo.OrderBot.Size;
import dev.tgdialog.emulator.Emulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo in the browser emulator, driven in Debian's Chromium: a pizza ordered by typing and clicking as a user
 * would. The browser and its driver are the system's ({@code chromium}, {@code chromium-driver}); Selenium never
 * downloads one, and the test fails, naming the packages, when they are missing.
 */
class EmulatorBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path profile;

    private final List<Order> kitchen = new CopyOnWriteArrayList<>();
    private Emulator emulator;
    private URI page;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startTheEmulator() throws Exception {
        emulator = DemoBot.startEmulator(kitchen::add, Emulator.ANY_PORT);
        page = emulator.address();
    }

    @AfterEach
    void closeEverything() {
        if (browser != null) {
            browser.quit();
        }
        emulator.close();
    }

    @Test
    void aPizzaOrder_typedAndClicked_inChromium() throws Exception {
        open(null);

        type("/start");
        String id = wait.until(d -> botMessage("Which pizza size?").getAttribute("data-id"));
        click("//div[@data-id='" + id + "']//button[@data-label='Medium']");

        // The window is edited in place: the same message now asks for the quantity.
        wait.until(d -> text("//div[@data-id='" + id + "']").contains("Size M. How many pizzas?"));
        assertThat(text("//div[@data-id='" + id + "']")).contains("edited").doesNotContain("Medium");
        wait.until(d -> text("//ol[@id='stack']").contains("order / QUANTITY"));
        assertThat(text("//ol[@id='stack']")).contains("\"size\":\"M\"");
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls li[data-method=editMessageText]")));

        type("2");
        wait.until(d -> text("//div[contains(@class,'invoice')]").contains("2 × M pizza"));
        assertThat(text("//div[contains(@class,'invoice')]")).contains("140 ⭐");
        click("//div[@data-kind='invoice']//button[@data-type='pay']");

        botMessage("Thanks! Paid 140 ⭐. Your order: 2 × M pizza");
        // Under the thanks, the sticker a paid order ends with, and its button.
        wait.until(d -> !d.findElements(By.xpath("(//div[@id='messages']/div)[last()][@data-kind='sticker']"))
                .isEmpty());
        assertThat(lastMessageText()).contains("Order again");
        assertThat(kitchen).containsExactly(new Order(Size.M, 2));

        // A click the bot answers with a toast: it shows, then goes by itself.
        type("/settings");
        botMessage("Language: English");
        click("(//button[@data-label='Auf Deutsch umstellen'])[last()]");
        wait.until(ExpectedConditions.textToBe(By.id("toast"), "Sprache: Deutsch"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("toast")));
        screenshot("emulator-order.png");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("toast")));

        assertThat(callMethods()).contains("sendMessage", "editMessageText", "answerCallbackQuery", "sendInvoice");
        assertThat(text("//ol[@id='calls']")).contains("editMessageText");
    }

    @Test
    void atAPhonesWidth_theChatComesFirst_andWorks() throws Exception {
        open(Map.of("width", 390, "height", 844, "pixelRatio", 3.0));

        long width = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        long scrollWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(width).isEqualTo(390);
        assertThat(scrollWidth).as("no sideways scrolling").isLessThanOrEqualTo(390);
        WebElement chat = browser.findElement(By.id("chat"));
        WebElement calls = browser.findElement(By.id("calls-panel"));
        assertThat(calls.getRect().getY())
                .as("the panels are below the chat")
                .isGreaterThanOrEqualTo(chat.getRect().getY() + chat.getRect().getHeight());
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isTrue();

        type("/start");
        botMessage("Which pizza size?");
        click("(//button[@data-label='Small'])[last()]");
        botMessage("Size S. How many pizzas?");
        screenshot("emulator-phone.png");

        // Someone else: the friend's own private chat is empty, and the group is shared.
        new Select(browser.findElement(By.id("who"))).selectByVisibleText("Friend");
        wait.until(d -> text("//h1[@id='chat-title']").equals("Friend and the bot"));
        assertThat(browser.findElements(By.cssSelector("#messages .msg"))).isEmpty();
        assertThat(text("//ol[@id='stack']")).isEqualTo("No dialog open");
    }

    @Test
    void inlineMode_inTheGroup_sendsACard_thatTheFriendClicks() throws Exception {
        open(null);
        new Select(browser.findElement(By.id("where"))).selectByVisibleText("Pizza party");
        wait.until(d -> text("//h1[@id='chat-title']").equals("Pizza party (group)"));

        browser.findElement(By.id("input")).sendKeys("@tgdialog_test_bot mar");
        wait.until(d -> text("//div[@id='inline-results']").contains("Marinara"));
        assertThat(text("//div[@id='inline-results']")).contains("Margherita", "Send it, and see who wants one too");
        click("//div[@id='inline-results']/button[@data-result-id='margherita']");
        wait.until(d -> text("(//div[@id='messages']/div)[last()]").contains("🍕 Margherita"));
        assertThat(text("(//div[@id='messages']/div)[last()]")).contains("You", "via @tgdialog_test_bot");
        assertThat(browser.findElement(By.id("inline-results")).isDisplayed()).isFalse();

        // The friend sees the card in the group, and joins in.
        new Select(browser.findElement(By.id("who"))).selectByVisibleText("Friend");
        wait.until(d ->
                text("//select[@id='where']/option[@selected or position()=1]").length() > 0);
        wait.until(d -> text("//h1[@id='chat-title']").equals("Pizza party (group)"));
        click("(//div[@id='messages']/div)[last()]//button[@data-label='Me too']");
        wait.until(d -> text("(//div[@id='messages']/div)[last()]").contains("Want it too: Friend"));
        assertThat(callMethods()).contains("answerInlineQuery", "editMessageText");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Opens the page in a fresh headless Chromium, emulating a phone of these metrics when they are given. */
    private void open(Map<String, Object> phone) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "Chromium and its driver at %s and %s: install the Debian packages chromium and chromium-driver"
                                + " (./scripts/test does)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // The system's driver, named outright, so Selenium Manager never runs (it would download one).
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        if (phone != null) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", phone));
        }
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(page.toString());
        // The page has read its first state when the user list is filled in.
        wait.until(d -> !d.findElements(By.cssSelector("#who option")).isEmpty());
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    }

    /** Evidence of what the page looked like, under {@code demo/target/}. */
    private void screenshot(String name) throws Exception {
        Files.copy(
                ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("input"));
        input.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    /** Waits for the bot's message containing this text and returns it. */
    private WebElement botMessage(String text) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("(//div[contains(@class,'msg') and contains(@class,'bot')][contains(., " + literal(text)
                        + ")])[last()]")));
    }

    /** Clicks, finding the element again should the page have redrawn it meanwhile. */
    private void click(String xpath) {
        wait.until(d -> {
            d.findElement(By.xpath(xpath)).click();
            return true;
        });
    }

    // The page redraws what changed as the bot's calls come in: each read finds its elements again until it gets
    // them in one piece.

    private String text(String xpath) {
        return wait.until(d -> d.findElement(By.xpath(xpath)).getText());
    }

    private String lastMessageText() {
        return text("(//div[@id='messages']/div)[last()]");
    }

    private List<String> callMethods() {
        return wait.until(d -> d.findElements(By.cssSelector("#calls li")).stream()
                .map(li -> li.getAttribute("data-method"))
                .toList());
    }

    /** An XPath string literal of text without double quotes. */
    private static String literal(String text) {
        return "\"" + text + "\"";
    }
}
