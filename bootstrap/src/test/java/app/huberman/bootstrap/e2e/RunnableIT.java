package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.contract.OpenApiDocumentServlet;
import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.MetricNames;
import app.huberman.bootstrap.e2e.support.RawHttp;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.StatusPoller;
import app.huberman.bootstrap.e2e.support.SwaggerUiWebJar;
import app.huberman.bootstrap.e2e.support.TcpProxy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The runnable as an operator runs it: {@code java -jar huberman-app.jar}, configured only by
 * environment variables, in a database of its own. PostgreSQL is reached through a TCP proxy the
 * test can cut, to show that an outage gives 503s and an unready instance, and that both recover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RunnableIT {

  private static final Duration START_PATIENCE = Duration.ofSeconds(120);

  /** web.xml's validate-atmost-once-period-in-seconds. */
  private static final Duration VALIDATION_WINDOW = Duration.ofSeconds(1);

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private final String database =
      "huberman_it_runnable_" + UUID.randomUUID().toString().substring(0, 8);
  private TcpProxy databaseProxy;
  private RunnableProcess app;
  private HttpTestClient http;
  private int port;

  /** Drain after SIGTERM: short, so that the test that stops the app waits little. */
  private static final Duration DRAIN = Duration.ofSeconds(3);

  /** What a client asking for the plans saw from launch until the app was ready. */
  private List<StatusPoller.Seen> answersWhileStarting;

  private final Path logFiles =
      Path.of("target", "runnable-it-logs-" + UUID.randomUUID()).toAbsolutePath();

  @BeforeAll
  void startTheRunnable() throws Exception {
    databaseProxy =
        TcpProxy.start(
            E2eDatabase.env("DB_HOST", "127.0.0.1"),
            Integer.parseInt(E2eDatabase.env("DB_PORT", "5432")));
    port = FreePorts.find();
    StatusPoller starting = StatusPoller.start(port, "/api/v1/plans", Duration.ofMillis(20));
    app =
        RunnableTests.startReady(
            "runnable-it",
            port,
            Map.of(
                "LOG_LEVEL",
                "INFO",
                "DB_HOST",
                "127.0.0.1",
                "DB_PORT",
                Integer.toString(databaseProxy.port()),
                "DB_DATABASE",
                database,
                "LOG_FILE_DIR",
                logFiles.toString(),
                "SHUTDOWN_DRAIN",
                "PT" + DRAIN.toSeconds() + "S",
                // The plans are how this test reads the database: none kept in memory, so the
                // outage answers 503 (ListPlansServiceTest covers the plans kept through one).
                "PLANS_REFRESH",
                "0"));
    starting.close();
    answersWhileStarting = starting.seen();
    http = new HttpTestClient(port);
  }

  @AfterAll
  void stopEverything() throws Exception {
    try {
      app.close();
    } finally {
      databaseProxy.close();
      E2eDatabase.drop(database);
    }
  }

  private boolean ready() {
    try {
      return http.get("/health/ready").status() == 200;
    } catch (IllegalStateException notListeningYet) {
      return false;
    }
  }

  /** A counter's or a histogram's series: they appear with the first event they count. */
  private static boolean countsEvents(String series) {
    return List.of("_total", "_bucket", "_count", "_sum", "_max").stream()
            .anyMatch(series::endsWith)
        || series.equals("http_server_request_duration_seconds");
  }

  /** The app's metric names that the alert rules and the Grafana dashboard read. */
  private static Set<String> metricsReadByRulesAndDashboard() throws java.io.IOException {
    MetricNames.Rules rules = MetricNames.rules(REPOSITORY.resolve("docker/prometheus/rules"));
    List<String> expressions = new ArrayList<>(rules.expressions());
    expressions.addAll(
        MetricNames.dashboardExpressions(REPOSITORY.resolve("docker/grafana/dashboards")));
    Set<String> used = new TreeSet<>();
    expressions.forEach(expression -> used.addAll(MetricNames.inExpression(expression)));
    used.removeAll(rules.recorded());
    used.removeIf(MetricNames::notTheApps);
    return used;
  }

  @Test
  @Order(1)
  void startsCreatesItsDatabaseAndBecomesReadyWithEveryGaugeExported() throws Exception {
    assertThat(Eventually.holds(START_PATIENCE, this::ready)).as(app.tail()).isTrue();
    // The first scrape after readiness, before any request or job: every gauge the alert rules and
    // the dashboard read is there already (counters and histograms appear with their first event).
    Set<String> gauges = new TreeSet<>(metricsReadByRulesAndDashboard());
    gauges.removeIf(RunnableIT::countsEvents);
    assertThat(gauges).contains("jobs_pending", "subscriptions_premium_active", "disk_free_bytes");
    assertThat(MetricNames.exported(http.get("/metrics").body())).containsAll(gauges);

    Answer plans = http.get("/api/v1/plans");

    assertThat(plans.status()).isEqualTo(200);
    assertThat(plans.json().asJsonArray()).hasSize(3);
    assertThat(http.get("/api/v1/unknown").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/unknown").jsonObject().getString("message"))
        .isEqualTo("Not found.");
  }

  @Test
  @Order(2)
  void servesTheContractExactlyAsTheRepositoryHoldsIt() throws Exception {
    byte[] file;
    try (var in =
        OpenApiDocumentServlet.class
            .getClassLoader()
            .getResourceAsStream(OpenApiDocumentServlet.RESOURCE)) {
      file = in.readAllBytes();
    }

    Answer served = http.get("/openapi");

    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Content-Type")).startsWith("application/yaml");
    assertThat(served.body()).isEqualTo(new String(file, StandardCharsets.UTF_8));
    assertThat(served.body()).contains("openapi: 3.1.0", "/api/v1/user/subscription:");
  }

  /**
   * APP_ENV=testing, API_DOCS_ENABLED unset: the reference is on (production: SandboxPurchasesIT).
   */
  @Test
  @Order(2)
  void servesTheApiReferenceOnTheContractFromItsOwnWebJarUnderAPolicyOfItsOwn() throws Exception {
    for (String path : List.of("/api/docs", "/api/docs/")) {
      Answer page = RawHttp.send(port, "GET", path, Map.of(), null);

      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
      assertThat(page.header("Content-Security-Policy"))
          .as(path)
          .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(page.body())
          .as(path)
          .contains(
              "data-url=\"/openapi\"",
              "src=\"/api/docs/swagger-ui-bundle.js\"",
              "src=\"/api/docs/swagger-initializer.js\"",
              "href=\"/api/docs/swagger-ui.css\"")
          .doesNotContain("://", "<script>");
    }

    Answer bundle = http.get("/api/docs/swagger-ui-bundle.js");
    Answer initializer = http.get("/api/docs/swagger-initializer.js");
    Answer styles = http.get("/api/docs/swagger-ui.css");
    Answer icon = http.get("/api/docs/favicon-32x32.png");
    Answer unchanged =
        http.get("/api/docs/swagger-ui-bundle.js", Map.of("If-None-Match", bundle.header("ETag")));

    assertThat(List.of(bundle, initializer, styles, icon))
        .extracting(Answer::status)
        .containsOnly(200);
    assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(initializer.header("Content-Type")).startsWith("text/javascript");
    assertThat(initializer.body()).contains("data-url").doesNotContain("://");
    assertThat(styles.header("Content-Type")).startsWith("text/css");
    assertThat(styles.body()).contains(".swagger-ui");
    assertThat(icon.header("Content-Type")).isEqualTo("image/png");
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
  }

  /**
   * Nothing but the listed files: no way out of the WebJar's folder, however spelled, and not the
   * WebJar's other files (its own page loads the Petstore), nor the container's copy of them at
   * /webjars/.
   */
  @Test
  @Order(2)
  void theApiReferenceServesNoOtherFileAndNoPathOutOfItsFolder() throws Exception {
    String webjar = "/webjars/swagger-ui/" + SwaggerUiWebJar.version() + "/";
    for (String path :
        List.of(
            "/api/docs/../../WEB-INF/web.xml",
            "/api/docs/%2e%2e/%2e%2e/WEB-INF/web.xml",
            "/api/docs/..%2f..%2fWEB-INF%2fweb.xml",
            "/api/docs/..%2F..%2FMETA-INF%2Fopenapi.yaml",
            "/api/docs/%2e%2e%2f%2e%2e%2fWEB-INF%2fweb.xml",
            "/api/docs/swagger-ui.css/../../../WEB-INF/web.xml",
            "/api/docs/index.html",
            "/api/docs/swagger-ui.js",
            "/api/docs/oauth2-redirect.html",
            webjar + "index.html",
            webjar + "swagger-initializer.js",
            webjar + "swagger-ui-bundle.js")) {
      Answer answer = RawHttp.send(port, "GET", path, Map.of(), null);

      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
      assertThat(answer.body()).as(path).contains("\"Not found.\"");
    }
  }

  @Test
  @Order(2)
  void servesThePlansCacheableWithAnEtagAndAnswers304WhileTheyAreUnchanged() {
    Answer first = http.get("/api/v1/plans");
    String tag = first.header("ETag");

    Answer again = http.get("/api/v1/plans", Map.of("If-None-Match", tag));
    Answer stale = http.get("/api/v1/plans", Map.of("If-None-Match", "\"an-old-tag\""));
    Answer garbage = http.get("/api/v1/plans", Map.of("If-None-Match", "\"unclosed, W/"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(tag).matches("\"[0-9a-f]{32}\"");
    assertThat(first.header("Cache-Control")).isEqualTo("max-age=300");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(tag);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(first.body());
    assertThat(garbage.status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void exportsHttpMetricsInPrometheusText() {
    http.get("/api/v1/plans");

    String metrics = http.get("/metrics").body();

    assertThat(metrics)
        .contains("# TYPE http_server_requests_total counter")
        .contains("route=\"/api/v1/plans\",status=\"2xx\"")
        .contains("http_server_request_duration_seconds_bucket{");
  }

  @Test
  @Order(3)
  void runsTheDailyPruneTaskThroughTheQueueOnceItStarts() {
    assertThat(
            Eventually.holds(
                Duration.ofSeconds(30),
                () -> findEvent("job.succeeded", "jobs.prune-failed") != null))
        .as(app.tail())
        .isTrue();

    assertThat(http.get("/metrics").body())
        .contains(
            "jobs_processed_total{mp_scope=\"application\",outcome=\"succeeded\",type=\"jobs.prune-failed\"}")
        .contains("job_wait_duration_seconds_bucket{");
  }

  private JsonObject findEvent(String event, String jobType) {
    return findEvent(event, "job_type", jobType);
  }

  /** The first JSON line of {@code event} whose text field {@code field} is {@code value}. */
  private JsonObject findEvent(String event, String field, String value) {
    try {
      return app.stdoutLines().stream()
          .map(RunnableIT::parse)
          .filter(json -> event.equals(json.getString("event", "")))
          .filter(json -> value.equals(json.getString(field, "")))
          .findFirst()
          .orElse(null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Acceptance 2 of issue 6: every metric an alert, a recording rule or the dashboard reads is
   * exported by the running app (exporters' metrics excepted). A job of a type no handler knows
   * gives the queue gauges and a failed job first, as production would have them.
   */
  @Test
  @Order(4)
  void exportsEveryMetricTheRulesAndTheDashboardRead() throws Exception {
    E2eDatabase.execute(
        database,
        "INSERT INTO jobs (uuid, queue, type, payload, max_attempts, timeout_seconds,"
            + " visibility_seconds) VALUES ('"
            + UUID.randomUUID()
            + "', 'default', 'test.no-handler', '{\"version\":1,\"data\":{}}', 1, 60, 90)");
    assertThat(
            Eventually.holds(
                Duration.ofSeconds(40),
                () ->
                    http.get("/metrics")
                        .body()
                        .contains("jobs_failed{mp_scope=\"application\",queue=\"default\"} 1")))
        .as(app.tail())
        .isTrue();
    // A refused webhook (no Stripe secret is set here) creates the webhook counter.
    assertThat(
            http.send(
                    "POST",
                    "/api/v1/webhooks/stripe",
                    "application/json",
                    java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .status())
        .isEqualTo(400);
    Set<String> used = metricsReadByRulesAndDashboard();

    Set<String> exported = MetricNames.exported(http.get("/metrics").body());

    assertThat(used)
        .as("metric names read by the rules and the dashboard")
        .contains(
            "http_server_requests_total",
            "jobs_pending",
            "process_cpu_load",
            "disk_free_bytes",
            "webhooks_received_total",
            "subscriptions_premium_active");
    assertThat(exported).containsAll(used);
  }

  @Test
  @Order(5)
  void answers503AndTurnsUnreadyWhileTheDatabaseIsUnreachableThenRecovers() throws Exception {
    double fiveHundredsBefore = plans5xx();
    databaseProxy.cut();

    Answer plans = http.get("/api/v1/plans", Map.of("X-Request-Id", "outage-check-1"));
    Answer readiness = http.get("/health/ready");
    double fiveHundredsDuring = plans5xx();

    assertThat(plans.status()).isEqualTo(503);
    assertThat(plans.header("Retry-After")).isNotBlank();
    assertThat(plans.jsonObject().getString("message"))
        .isEqualTo("The service is temporarily unavailable. Try again shortly.");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"database\":\"DOWN");
    assertThat(fiveHundredsDuring).isGreaterThanOrEqualTo(fiveHundredsBefore + 1);
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    // An outage longer than the pool's validation window (1 s): every pooled connection is checked
    // on its next use, so not one request fails once PostgreSQL is back.
    Thread.sleep(VALIDATION_WINDOW.plusMillis(500).toMillis());

    databaseProxy.restore();

    assertThat(
            Eventually.holds(
                Duration.ofSeconds(60), () -> http.get("/api/v1/plans").status() == 200))
        .as(app.tail())
        .isTrue();
    assertThat(Eventually.holds(Duration.ofSeconds(30), this::ready)).isTrue();
    assertThat(plans5xx()).as("the 5xx counter stops rising").isEqualTo(fiveHundredsDuring);
    assertThat(findEvent("dependency.down", "dependency", "database")).isNotNull();
    assertThat(findEvent("dependency.up", "dependency", "database")).isNotNull();
    JsonObject serverError = findEvent("http.server_error", "route", "/api/v1/plans");
    assertThat(serverError).isNotNull();
    assertThat(serverError.getString("request_id")).isEqualTo("outage-check-1");
    assertThat(serverError.getInt("status")).isEqualTo(503);
  }

  /** The 5xx answers counted for GET /api/v1/plans; 0 before the first. */
  private double plans5xx() {
    String series =
        "http_server_requests_total{method=\"GET\",mp_scope=\"application\","
            + "route=\"/api/v1/plans\",status=\"5xx\"} ";
    return http.get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).strip()))
        .findFirst()
        .orElse(0);
  }

  /**
   * Issue 20: a balancer that sends requests to a starting instance sees its port closed, or a 503
   * it may retry elsewhere; never the 404s and 500s Payara gave while it deployed the application.
   */
  @Test
  @Order(1)
  void answeredNothingButRefusalsOr503UntilItCouldServe() {
    List<Integer> statuses = answersWhileStarting.stream().map(StatusPoller.Seen::status).toList();

    assertThat(statuses).as("polls while starting").hasSizeGreaterThan(20);
    assertThat(Set.copyOf(statuses)).isSubsetOf(StatusPoller.REFUSED, 503, 200);
    assertThat(statuses.getFirst()).isEqualTo(StatusPoller.REFUSED);
  }

  /**
   * Issue 20, acceptance 2: on SIGTERM readiness is DOWN within a second, the API goes on answering
   * 200 through the drain, then the listener closes and the process exits with 0 in good time.
   */
  @Test
  @Order(6)
  void drainsThenStopsGracefullyOnSigterm() throws Exception {
    try (StatusPoller api = StatusPoller.start(port, "/api/v1/plans", Duration.ofMillis(20));
        StatusPoller readiness = StatusPoller.start(port, "/health/ready", Duration.ofMillis(20))) {
      Eventually.holds(Duration.ofSeconds(5), () -> !api.seen().isEmpty());
      long sigterm = System.nanoTime();
      CompletableFuture<String> lateRequest =
          CompletableFuture.supplyAsync(this::answerOnAConnectionAcceptedBeforeThePortClosed);

      int exitCode = app.terminate(Duration.ofSeconds(60));
      Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - sigterm);

      // A balancer's request on a connection the instance had accepted is answered, not cut, and
      // told to close the connection, which the balancer would otherwise keep.
      String lateAnswer = lateRequest.get(10, TimeUnit.SECONDS);
      assertThat(lateAnswer).startsWith("HTTP/1.1 200").containsIgnoringCase("Connection: close");
      assertThat(exitCode).as(app.tail()).isZero();
      // The drain, then the server's stop: the queue workers' 30 s and Payara's 3 s at most.
      assertThat(stoppedAfter).isBetween(DRAIN, DRAIN.plusSeconds(33));
      long firstNotReady =
          readiness.seen().stream()
              .filter(seen -> seen.atNanos() > sigterm && seen.status() != 200)
              .mapToLong(StatusPoller.Seen::atNanos)
              .min()
              .orElseThrow();
      assertThat(Duration.ofNanos(firstNotReady - sigterm)).isLessThan(Duration.ofSeconds(1));
      List<Integer> duringTheDrain =
          api.seen().stream()
              .filter(seen -> seen.atNanos() < sigterm + DRAIN.toNanos() - 200_000_000L)
              .map(StatusPoller.Seen::status)
              .toList();
      assertThat(duringTheDrain).hasSizeGreaterThan(20).containsOnly(200);
      assertThat(api.seen()).extracting(StatusPoller.Seen::status).doesNotContain(404, 500);
    }
    JsonObject draining = findEvent("server.draining", "signal", "TERM");
    assertThat(draining).isNotNull();
    assertThat(draining.getBoolean("readiness_down")).isTrue();
    JsonObject stopping =
        app.stdoutLines().stream()
            .map(RunnableIT::parse)
            .filter(json -> "server.stopping".equals(json.getString("event", "")))
            .findFirst()
            .orElseThrow();
    assertThat(stopping.getInt("listeners_stopped_accepting")).isPositive();
    assertThat(stopping.getBoolean("listener_closed")).isFalse();
    assertThat(app.stdoutLines())
        .anyMatch(line -> line.contains("Queue workers drained and stopped"));
  }

  /**
   * Opens a connection during the drain, waits until the port refuses new ones, then sends a
   * request on it: the status line and headers of the answer.
   */
  private String answerOnAConnectionAcceptedBeforeThePortClosed() {
    try (Socket accepted = new Socket("127.0.0.1", port)) {
      accepted.setSoTimeout(10_000);
      long patience = System.nanoTime() + DRAIN.plusSeconds(10).toNanos();
      while (acceptsConnections()) {
        if (System.nanoTime() > patience) {
          return "the port never stopped accepting";
        }
        Thread.sleep(5);
      }
      OutputStream out = accepted.getOutputStream();
      out.write(
          "GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(accepted.getInputStream(), StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.append(line).append('\n');
      }
      return head.isEmpty() ? "closed without an answer" : head.toString();
    } catch (IOException e) {
      return "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private boolean acceptsConnections() {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  @Order(7)
  void wroteTheSameJsonLinesToTheDailyFilesInLogFileDir() throws Exception {
    List<String> written = new ArrayList<>();
    try (var files = java.nio.file.Files.list(logFiles)) {
      for (Path file : files.sorted().toList()) {
        assertThat(file.getFileName().toString()).matches("huberman-\\d{4}-\\d{2}-\\d{2}\\.log");
        written.addAll(java.nio.file.Files.readAllLines(file));
      }
    }

    assertThat(written).hasSizeGreaterThan(10);
    assertThat(written).allSatisfy(line -> assertThat(parse(line).keySet()).contains("level"));
    assertThat(written)
        .anyMatch(line -> line.contains("Queue workers drained and stopped"))
        .anyMatch(line -> line.contains("\"event\":\"job.failed\""));
  }

  @Test
  @Order(8)
  void wroteNothingButJsonLinesToStdoutAndTiedRequestLogsToTheirRequestId() throws Exception {
    List<String> lines = app.stdoutLines();

    assertThat(lines).hasSizeGreaterThan(10);
    for (String line : lines) {
      JsonObject json = parse(line);
      assertThat(json.keySet()).as(line).contains("@timestamp", "level", "logger", "message");
    }
    assertThat(lines)
        .anySatisfy(
            line -> {
              JsonObject json = parse(line);
              assertThat(json.getString("request_id", "")).isEqualTo("outage-check-1");
              assertThat(json.getString("level")).isEqualTo("WARNING");
            });
    assertThat(app.stderr()).isEmpty();
    assertThat(lines)
        .as("an unconfigured push service is said once, at start-up")
        .filteredOn(line -> line.contains("is not configured") && line.contains("push notices"))
        .hasSize(2);
    JsonObject failed = findEvent("job.failed", "test.no-handler");
    assertThat(failed).as("job.failed").isNotNull();
    assertThat(failed.getString("level")).isEqualTo("ERROR");
    assertThat(failed.getString("reason")).isEqualTo("no handler");
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("Not a JSON object: " + line, e);
    }
  }
}
