package app.huberman.bootstrap.e2e;

import static app.huberman.bootstrap.e2e.support.UsersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.security.Argon2Parameters;
import app.huberman.adapters.security.Argon2PasswordHasher;
import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.TestAddresses;
import app.huberman.bootstrap.e2e.support.UsersClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Passwords are hashed off the HTTP threads, behind a bounded line, through the real runnable with
 * one HTTP thread, one hashing thread and room for one login in line. Logins that take long are
 * made by storing, for their accounts, hashes of many Argon2 iterations (a stored hash is verified
 * with its own parameters): while they are hashed, the one HTTP thread still answers, a login past
 * the line gets 503 at once, and a stop waits for the login being hashed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class PasswordHashingIT {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern GAUGE_LINE =
      Pattern.compile("^(password_hashing_\\w+)\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

  /** One HTTP thread, one hashing thread, one login in line; a stop does not drain first. */
  private static final Map<String, String> SMALLEST =
      Map.of(
          "HTTP_THREADS", "1",
          "PASSWORD_HASHING_THREADS", "1",
          "PASSWORD_HASHING_QUEUE", "1",
          "SHUTDOWN_DRAIN", "PT0S");

  private final ExecutorService clients = Executors.newCachedThreadPool();
  private final String database =
      "huberman_it_hashing_" + UUID.randomUUID().toString().substring(0, 8);
  private RunnableProcess app;
  private HttpTestClient http;

  @BeforeAll
  void start() throws Exception {
    Map<String, String> environment = new HashMap<>(SMALLEST);
    environment.put("DB_DATABASE", database);
    app = RunnableTests.startReady("hashing-it", FreePorts.find(), environment);
    http = new HttpTestClient(app.port());
  }

  @AfterAll
  void stop() throws Exception {
    clients.shutdownNow();
    try {
      app.close();
    } finally {
      E2eDatabase.drop(database);
    }
  }

  @Test
  @Order(1)
  void whileLoginsAreHashedTheHttpThreadServesAndALoginPastTheLineGets503AtOnce() throws Exception {
    String slowHash = hashOf(100);
    String first = slowAccount("first", slowHash);
    String second = slowAccount("second", slowHash);
    String other = account("other");

    CompletableFuture<Answer> firstLogin = loginInBackground(first, "slow-login-1");
    CompletableFuture<Answer> secondLogin = loginInBackground(second, "slow-login-2");
    assertThat(
            Eventually.holds(
                Duration.ofSeconds(10),
                () ->
                    gauge("password_hashing_running") == 1
                        && gauge("password_hashing_queued") == 1))
        .as("one login hashed, one waiting")
        .isTrue();

    Answer ping = http.get("/api/v1/ping");
    String address = TestAddresses.next();
    Answer busy = users().login(other, PASSWORD, address);

    assertThat(firstLogin).isNotDone();
    assertThat(secondLogin).isNotDone();
    assertThat(ping.status()).isEqualTo(200);
    assertThat(busy.status()).as(busy.body()).isEqualTo(503);
    assertThat(busy.header("Retry-After")).isEqualTo("1");
    assertThat(busy.jsonObject().getString("message"))
        .isEqualTo("Too many passwords are being checked right now. Try again shortly.");

    for (CompletableFuture<Answer> login : List.of(firstLogin, secondLogin)) {
      Answer answer = login.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.jsonObject().getString("token")).isNotBlank();
    }
    Answer signedIn = users().login(other, PASSWORD, TestAddresses.next());
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.header("X-RateLimit-Limit")).isNotNull();

    // The refused login tried no password: the first wrong one from that address is the first.
    Answer wrong = users().login(other, "not the password", address);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(wrong.header("X-RateLimit-Remaining")).isEqualTo("4");

    assertThat(gauge("password_hashing_rejected_total")).isEqualTo(1);
    assertThat(loginEvent("slow-login-1")).as(app.tail()).isNotNull();
    assertThat(loginEvent("slow-login-2")).as(app.tail()).isNotNull();
    assertThat(app.stdoutLines())
        .as("answers from the hashing threads are no warning")
        .noneMatch(line -> line.contains("WELD-000715"));
  }

  /** Counted in flight until answered: the stop waits for it before it closes the port. */
  @Test
  @Order(2)
  void aStopWaitsForTheLoginBeingHashed() throws Exception {
    String email = slowAccount("stopping", hashOf(40));

    CompletableFuture<Answer> login = loginInBackground(email, "slow-login-3");
    assertThat(
            Eventually.holds(Duration.ofSeconds(10), () -> gauge("password_hashing_running") == 1))
        .isTrue();
    int exitCode = app.terminate(Duration.ofSeconds(60));

    Answer answer = login.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(exitCode).isZero();
    JsonObject stopping = event("server.stopping", null, null);
    assertThat(stopping).as(app.tail()).isNotNull();
    assertThat(stopping.getInt("requests_in_flight")).isZero();
  }

  /** The PHC string of {@link #PASSWORD} hashed with this many iterations of the usual memory. */
  private static String hashOf(int iterations) {
    Argon2Parameters usual = Argon2Parameters.OWASP;
    return new Argon2PasswordHasher(
            new Argon2Parameters(
                usual.memoryKib(),
                iterations,
                usual.parallelism(),
                usual.hashLength(),
                usual.saltLength()))
        .hash(PASSWORD)
        .phc();
  }

  private UsersClient users() {
    return new UsersClient(http);
  }

  private String account(String who) {
    String email = who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Answer registered = users().register("Jo", email, PASSWORD, TestAddresses.next());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return email;
  }

  private String slowAccount(String who, String phc) throws Exception {
    String email = account(who);
    E2eDatabase.execute(
        database, "UPDATE users SET password = '" + phc + "' WHERE email = '" + email + "'");
    return email;
  }

  private CompletableFuture<Answer> loginInBackground(String email, String requestId) {
    return CompletableFuture.supplyAsync(
        () ->
            http.sendWithHeaders(
                "POST",
                "/api/v1/login",
                Map.of(
                    "Content-Type",
                    "application/json",
                    "X-Forwarded-For",
                    TestAddresses.next(),
                    "X-Request-Id",
                    requestId),
                BodyPublishers.ofString(json("email", email, "password", PASSWORD))),
        clients);
  }

  /** A gauge or counter of the password hashing line, as {@code /metrics} shows it now. */
  private long gauge(String name) {
    Matcher line = GAUGE_LINE.matcher(http.get("/metrics").body());
    while (line.find()) {
      if (line.group(1).equals(name)) {
        return (long) Double.parseDouble(line.group(2));
      }
    }
    return -1;
  }

  private JsonObject loginEvent(String requestId) {
    return event("auth.login_succeeded", "request_id", requestId);
  }

  /** The first JSON log line of {@code event}, with {@code field} equal to {@code value}. */
  private JsonObject event(String event, String field, String value) {
    try {
      return app.stdoutLines().stream()
          .filter(line -> line.startsWith("{"))
          .map(PasswordHashingIT::parse)
          .filter(json -> event.equals(json.getString("event", "")))
          .filter(json -> field == null || value.equals(json.getString(field, "")))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}
