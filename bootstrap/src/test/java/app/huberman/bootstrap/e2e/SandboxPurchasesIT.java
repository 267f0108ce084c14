package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.payments.apple.AppleTestCa;
import app.huberman.adapters.payments.google.GoogleTestKeys;
import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.StoreFakes;
import app.huberman.bootstrap.e2e.support.SwaggerUiWebJar;
import app.huberman.bootstrap.e2e.support.TestAddresses;
import app.huberman.bootstrap.e2e.support.UsersClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17, item 7: a sandbox purchase (TestFlight, App Review, a sandbox tester: it costs nothing)
 * granted premium exactly like a paid one. Here the runnable runs with {@code
 * APPLE_SANDBOX_ACCESS=nobody} and {@code GOOGLE_TEST_PURCHASE_ACCESS=allowlist}; the App Store
 * allowlist and Play's default {@code anybody} are in {@link SubscriptionsApiIT}. It runs as
 * production does ({@code APP_ENV=production}), which also switches the API reference off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxPurchasesIT {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String BUNDLE = StoreFakes.BUNDLE;
  private static final String APPLE_MONTHLY = "app.huberman.premium.monthly";
  private static final String GOOGLE_MONTHLY = "premium_monthly";
  private static final String PLAY_TESTER = "play.tester@example.com";

  private final String database =
      "huberman_it_sandbox_" + UUID.randomUUID().toString().substring(0, 8);

  private StoreFakes stores;
  private AppleTestCa apple;
  private RunnableProcess app;
  private HttpTestClient http;
  private UsersClient users;

  @BeforeAll
  void start() throws Exception {
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sandbox-it");
    stores = StoreFakes.start();
    apple = stores.apple();
    Map<String, String> environment = new HashMap<>(stores.settings(work));
    environment.putAll(
        Map.of(
            "DB_DATABASE", database,
            "APP_ENV", "production",
            // Production logs WARNING and up by default; the tests below read INFO lines too.
            "LOG_LEVEL", "INFO",
            "APPLE_SANDBOX_ACCESS", "nobody",
            "GOOGLE_TEST_PURCHASE_ACCESS", "Allowlist",
            "GOOGLE_TEST_PURCHASE_ALLOWLIST", " Play.Tester@Example.com "));
    int port = FreePorts.find();
    app = RunnableTests.startReady("sandbox-it", port, environment);
    http = new HttpTestClient(port);
    users = new UsersClient(http);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      app.close();
    } finally {
      stores.close();
      E2eDatabase.drop(database);
    }
  }

  /** The attack: a purchase made in the sandbox, reported and notified as a paid one would be. */
  @Test
  @Order(1)
  void withNobodyAnAppStoreSandboxPurchaseIsRefused422AndItsNotificationsGrantNothing()
      throws Exception {
    Account eve = registered("eve+" + shortId() + "@example.com");
    String original = "5000000" + System.nanoTime();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant month = now.plus(30, ChronoUnit.DAYS);

    Answer refused =
        verifyApple(eve, apple.sign(sandbox(appleTransaction(original, now, month, eve)).build()));

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(
            refused
                .jsonObject()
                .getJsonObject("errors")
                .getJsonArray("signed_transaction")
                .getString(0))
        .isEqualTo("App Store sandbox purchases are not accepted for this account");
    assertThat(subscription(eve).getString("status")).isEqualTo("none");
    assertNotPremium(eve);

    // The App Store's notification about it is acknowledged, so it is not sent again, and ignored.
    JsonObjectBuilder data =
        AppleTestCa.data(BUNDLE)
            .add("environment", "Sandbox")
            .add(
                "signedTransactionInfo",
                apple.sign(sandbox(appleTransaction(original, now, month, eve)).build()));
    String jws =
        apple.sign(AppleTestCa.notification("SUBSCRIBED", "INITIAL_BUY", now, data).build());
    Answer hook = webhook("apple", AppleTestCa.webhookBody(jws), Map.of());
    assertThat(hook.status()).as(hook.body()).isEqualTo(200);
    awaitProcessed(original);
    assertThat(rowsAbout(original)).isZero();
    assertNotPremium(eve);

    // A paid purchase by the same account counts as it always did.
    Answer paid =
        verifyApple(
            eve,
            apple.sign(appleTransaction("6000000" + System.nanoTime(), now, month, eve).build()));
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.jsonObject().getString("environment")).isEqualTo("production");
    assertPremium(eve);
  }

  @Test
  @Order(2)
  void withAnAllowlistOnlyTheListedAccountGetsPremiumFromAPlayTestPurchase() throws Exception {
    Account eve = registered("eve+" + shortId() + "@example.com");
    Account tester = registered(PLAY_TESTER);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant month = now.plus(30, ChronoUnit.DAYS);
    String evesToken = "play-test-" + shortId();
    stubTestPurchase(evesToken, month, eve);

    Answer refused = verifyGoogle(eve, evesToken);
    Answer pushed = googleNotification(evesToken, now);

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(
            refused
                .jsonObject()
                .getJsonObject("errors")
                .getJsonArray("purchase_token")
                .getString(0))
        .isEqualTo("Google Play test purchases are not accepted for this account");
    assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    awaitProcessed(evesToken);
    assertThat(rowsAbout(evesToken)).isZero();
    assertNotPremium(eve);

    String testersToken = "play-test-" + shortId();
    stubTestPurchase(testersToken, month, tester);
    Answer granted = verifyGoogle(tester, testersToken);

    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.jsonObject().getString("environment")).isEqualTo("sandbox");
    assertThat(subscription(tester).getString("environment")).isEqualTo("sandbox");
    assertPremium(tester);
  }

  @Test
  @Order(3)
  void everyRefusalIsLoggedAndCountedBySource() throws Exception {
    String metrics = http.get("/metrics").body();
    assertThat(metrics.lines())
        .anyMatch(line -> isCounter(line, "apple", "verify"))
        .anyMatch(line -> isCounter(line, "apple", "webhook"))
        .anyMatch(line -> isCounter(line, "google", "verify"))
        .anyMatch(line -> isCounter(line, "google", "webhook"));
    List<JsonObject> events =
        app.stdoutLines().stream()
            .map(line -> Json.createReader(new StringReader(line)).readObject())
            .filter(line -> line.containsKey("event"))
            .toList();
    assertThat(events)
        .anySatisfy(e -> assertThat(e.getString("event")).isEqualTo("subscription.sandbox_refused"))
        .anySatisfy(e -> assertThat(e.getString("event")).isEqualTo("webhook.ignored"));
    assertThat(app.stdoutLines())
        .anyMatch(line -> line.contains("Sandbox purchases grant premium to: App Store nobody"));
  }

  /** API_DOCS_ENABLED is unset: in production the reference is off, the contract is not. */
  @Test
  @Order(4)
  void inProductionTheApiReferenceIsAnUnknownPathWhileTheContractIsServed() throws Exception {
    for (String path :
        List.of(
            "/api/docs",
            "/api/docs/",
            "/api/docs/swagger-ui-bundle.js",
            "/api/docs/swagger-ui.css",
            "/api/docs/nothing-here",
            "/webjars/swagger-ui/" + SwaggerUiWebJar.version() + "/index.html")) {
      Answer answer = http.get(path);

      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.jsonObject().getString("message")).as(path).isEqualTo("Not found.");
    }
    assertThat(http.get("/openapi").status()).isEqualTo(200);
    assertThat(app.stdoutLines())
        .anyMatch(line -> line.contains("API reference not served: /api/docs is off"));
  }

  private static boolean isCounter(String line, String provider, String source) {
    return line.startsWith("sandbox_purchases_refused_total{")
        && line.contains("provider=\"" + provider + "\"")
        && line.contains("source=\"" + source + "\"")
        && !line.endsWith(" 0.0");
  }

  // --- helpers ------------------------------------------------------------------------------

  private record Account(String token, UUID uuid) {}

  private Account registered(String email) {
    Answer answer = users.register("Eve Tester", email, PASSWORD, TestAddresses.next());
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return new Account(
        answer.jsonObject().getString("token"),
        UUID.fromString(answer.jsonObject().getJsonObject("user").getString("uuid")));
  }

  private JsonObject subscription(Account account) {
    return signedInGet("/api/v1/user/subscription", account);
  }

  private JsonObject signedInGet(String path, Account account) {
    Answer answer = users.send("GET", path, null, TestAddresses.next(), account.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.jsonObject();
  }

  private void assertPremium(Account account) {
    assertThat(signedInGet("/api/v1/user/entitlements", account).getBoolean("premium")).isTrue();
    assertThat(subscription(account).getBoolean("active")).isTrue();
  }

  private void assertNotPremium(Account account) {
    assertThat(signedInGet("/api/v1/user/entitlements", account).getBoolean("premium")).isFalse();
    assertThat(subscription(account).getBoolean("active")).isFalse();
  }

  private static JsonObjectBuilder appleTransaction(
      String original, Instant signedDate, Instant expires, Account account) {
    return AppleTestCa.transaction(BUNDLE, original, APPLE_MONTHLY, signedDate, expires)
        .add("appAccountToken", account.uuid().toString());
  }

  private static JsonObjectBuilder sandbox(JsonObjectBuilder transaction) {
    return transaction.add("environment", "Sandbox");
  }

  private Answer verifyApple(Account account, String signedTransaction) {
    return users.post(
        "/api/v1/subscriptions/apple/verify",
        UsersClient.json("signed_transaction", signedTransaction),
        TestAddresses.next(),
        account.token());
  }

  private Answer verifyGoogle(Account account, String token) {
    return users.post(
        "/api/v1/subscriptions/google/verify",
        UsersClient.json("purchase_token", token, "product_id", GOOGLE_MONTHLY),
        TestAddresses.next(),
        account.token());
  }

  /** A license tester's purchase: the Play Developer API marks it with {@code testPurchase}. */
  private void stubTestPurchase(String token, Instant expiry, Account account) {
    JsonObject purchase =
        GoogleTestKeys.purchase("SUBSCRIPTION_STATE_ACTIVE", GOOGLE_MONTHLY, expiry)
            .add("testPurchase", Json.createObjectBuilder())
            .add(
                "externalAccountIdentifiers",
                Json.createObjectBuilder()
                    .add("obfuscatedExternalAccountId", account.uuid().toString()))
            .build();
    stores.stubPlay(token, purchase);
  }

  private Answer googleNotification(String token, Instant eventTime) {
    String body =
        GoogleTestKeys.pushBody(
            "msg-" + shortId(),
            GoogleTestKeys.subscriptionNotification(
                    StoreFakes.PACKAGE, 4, token, GOOGLE_MONTHLY, eventTime)
                .build());
    return webhook("google", body, stores.pushAuthorization(Instant.now()));
  }

  private Answer webhook(String provider, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return http.sendWithHeaders(
        "POST", "/api/v1/webhooks/" + provider, all, BodyPublishers.ofString(body));
  }

  /** Waits until a webhook about this purchase is stored and none is left unprocessed. */
  private void awaitProcessed(String purchase) {
    String about = " FROM webhook_events WHERE payload::text LIKE '%" + purchase + "%'";
    assertThat(
            Eventually.holds(
                Duration.ofSeconds(20),
                () ->
                    sqlQuietly("SELECT count(*)" + about) == 1
                        && sqlQuietly("SELECT count(*)" + about + " AND processed_at IS NULL")
                            == 0))
        .isTrue();
  }

  private long rowsAbout(String purchase) throws Exception {
    return E2eDatabase.number(
        database,
        "SELECT count(*) FROM subscriptions WHERE provider_subscription_id = '" + purchase + "'");
  }

  private long sqlQuietly(String statement) {
    try {
      return E2eDatabase.number(database, statement);
    } catch (Exception e) {
      return -1;
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
