package org.matrixcalculustutor.browser;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts headless Debian Chromium once for the whole suite and hands it to browser tests as a
 * {@link Browser} parameter; a parameter marked {@link WithoutJavaScript} gets a second browser
 * with scripts switched off (started on first use), to test the pages' plain-HTML paths. The
 * driver path is explicit so Selenium Manager never tries the network; every wait is explicit.
 */
public final class BrowserExtension implements ParameterResolver {

  /** On a {@link Browser} parameter: a browser that runs no JavaScript. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface WithoutJavaScript {}

  /** Chromium's content setting that blocks scripts on every site. */
  static final Map<String, Object> NO_JAVASCRIPT = Map.of("profile.managed_default_content_settings.javascript", 2);

  static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final Duration WAIT = Duration.ofSeconds(20);

  private static Browser shared;
  private static Browser scriptless;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(WithoutJavaScript.class) ? scriptless() : browser();
  }

  private static synchronized Browser browser() {
    if (shared == null) {
      shared = start(true);
      Runtime.getRuntime().addShutdownHook(new Thread(shared.driver()::quit));
    }
    return shared;
  }

  private static synchronized Browser scriptless() {
    if (scriptless == null) {
      scriptless = start(false);
      Runtime.getRuntime().addShutdownHook(new Thread(scriptless.driver()::quit));
    }
    return scriptless;
  }

  private static Browser start(boolean javascript) {
    try {
      Path home = Files.createTempDirectory("chromium-home");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
          .usingAnyFreePort()
          .withEnvironment(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.toString(),
              "XDG_CACHE_HOME", home.toString()))
          .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run", "--window-size=1200,900", "--user-data-dir=" + home.resolve("profile"));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      if (!javascript) {
        options.setExperimentalOption("prefs", NO_JAVASCRIPT);
      }
      return new Browser(new ChromeDriver(service, options));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shared browser with the waits the tests need. */
  public record Browser(WebDriver driver) {

    /** Opens url; console messages of earlier pages are dropped, so {@link #consoleErrors} sees this one's. */
    public void open(String url) {
      driver.manage().logs().get(LogType.BROWSER);
      driver.get(url);
    }

    public WebDriverWait waiting() {
      return new WebDriverWait(driver, WAIT);
    }

    /** Waits until MathJax has typeset the page (the layout sets html[data-mathjax=ready]). */
    public void awaitMathJax() {
      waiting().until(d -> "ready".equals(d.findElement(By.tagName("html")).getDomAttribute("data-mathjax")));
    }

    /** MathJax's error elements: merror, or "Math input error". */
    public List<String> mathErrors() {
      return driver.findElements(By.cssSelector("mjx-merror, merror, [data-mjx-error]")).stream()
          .map(e -> e.getAttribute("data-mjx-error") == null ? e.getText() : e.getAttribute("data-mjx-error"))
          .toList();
    }

    /** SEVERE entries of the browser console since the last call. */
    public List<String> consoleErrors() {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
          .map(LogEntry::getMessage).toList();
    }
  }
}
