package app.huberman.bootstrap.e2e;

import static app.huberman.bootstrap.e2e.support.UsersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.RawHttp;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.TestAddresses;
import app.huberman.bootstrap.e2e.support.UsersClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The device endpoints through the real runnable, as the apps call them over HTTP/1.1: each test
 * signs up accounts of its own and registers tokens of its own, from client addresses of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DevicesApiIT {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String DEVICES = "/api/v1/user/devices";

  private final String database =
      "huberman_it_devices_" + UUID.randomUUID().toString().substring(0, 8);

  /** Every push token and bearer token the tests used: none may appear in a log line. */
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  private RunnableProcess app;
  private UsersClient users;
  private int port;

  @BeforeAll
  void start() throws Exception {
    port = FreePorts.find();
    app =
        RunnableTests.startReady(
            "devices-it", port, Map.of("LOG_LEVEL", "DEBUG", "DB_DATABASE", database));
    users = new UsersClient(new HttpTestClient(port));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      app.close();
    } finally {
      E2eDatabase.drop(database);
    }
  }

  /** A bearer token of a new account. */
  private String signedUp() {
    String email = "device-owner+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Answer answer = users.register("Jane Doe", email, PASSWORD, TestAddresses.next());
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    String token = answer.jsonObject().getString("token");
    secrets.add(token.substring(token.indexOf('|') + 1));
    return token;
  }

  /** An APNs-shaped token (64 hex digits), new each time. */
  private String pushToken() {
    String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    secrets.add(token);
    return token;
  }

  private Answer register(String bearer, String pushToken, String platform, String name) {
    return users.post(
        DEVICES,
        json("token", pushToken, "platform", platform, "name", name),
        TestAddresses.next(),
        bearer);
  }

  private JsonArray list(String bearer) {
    Answer answer = users.send("GET", DEVICES, null, TestAddresses.next(), bearer);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().asJsonArray();
  }

  private Answer remove(String bearer, String id) {
    return users.send("DELETE", DEVICES + "/" + id, null, TestAddresses.next(), bearer);
  }

  private static long idOf(Answer answer) {
    return answer.jsonObject().getJsonNumber("id").longValue();
  }

  private static List<Long> ids(JsonArray devices) {
    return devices.stream()
        .map(device -> device.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void registersADeviceAndShowsItWithoutItsToken() {
    String bearer = signedUp();
    String token = pushToken();

    Answer created = register(bearer, token, "ios", "Jane's iPhone");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Cache-Control")).isEqualTo("no-store");
    JsonObject device = created.jsonObject();
    assertThat(device.keySet())
        .containsExactlyInAnyOrder(
            "id", "platform", "name", "token_suffix", "created_at", "last_registered_at");
    assertThat(device.getString("platform")).isEqualTo("ios");
    assertThat(device.getString("name")).isEqualTo("Jane's iPhone");
    assertThat(device.getString("token_suffix")).isEqualTo(token.substring(token.length() - 8));
    assertThat(device.getString("created_at")).isEqualTo(device.getString("last_registered_at"));
    assertThat(created.body()).doesNotContain(token);
    assertThat(list(bearer)).containsExactly(device);
  }

  @Test
  void registeringTheSameTokenAgainIsIdempotentAndRefreshesTheDevice() {
    String bearer = signedUp();
    String token = pushToken();
    JsonObject first = register(bearer, token, "android", "Old name").jsonObject();

    Answer again = register(bearer, token, "android", null);
    Answer thrice = register(bearer, token, "ANDROID", "Pixel 9");

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(thrice.status()).as(thrice.body()).isEqualTo(200);
    assertThat(idOf(again))
        .isEqualTo(idOf(thrice))
        .isEqualTo(first.getJsonNumber("id").longValue());
    assertThat(again.jsonObject().isNull("name")).isTrue();
    assertThat(thrice.jsonObject().getString("name")).isEqualTo("Pixel 9");
    assertThat(thrice.jsonObject().getString("created_at"))
        .isEqualTo(first.getString("created_at"));
    assertThat(Instant.parse(thrice.jsonObject().getString("last_registered_at")))
        .isAfter(Instant.parse(first.getString("last_registered_at")));
    assertThat(list(bearer)).containsExactly(thrice.jsonObject());
  }

  @Test
  void aTokenMovesToTheNewestAccountThatRegistersIt() throws Exception {
    String first = signedUp();
    String second = signedUp();
    String token = pushToken();
    long firstsDevice = idOf(register(first, token, "ios", "Shared iPad"));

    Answer moved = register(second, token, "ios", "My iPad");

    assertThat(moved.status()).as(moved.body()).isEqualTo(201);
    assertThat(idOf(moved)).isNotEqualTo(firstsDevice);
    assertThat(list(first)).isEmpty();
    assertThat(ids(list(second))).containsExactly(idOf(moved));
    assertThat(remove(first, Long.toString(firstsDevice)).status()).isEqualTo(404);
    assertThat(sql("SELECT count(*) FROM user_devices WHERE token = '" + token + "'")).isOne();

    Answer back = register(first, token, "ios", null);
    assertThat(back.status()).isEqualTo(201);
    assertThat(list(second)).isEmpty();
  }

  @Test
  void keepsTheTwentyMostRecentlyRegisteredDevicesOfAnAccount() {
    String bearer = signedUp();
    List<String> tokens = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tokens.add(pushToken());
      Answer answer = register(bearer, tokens.get(i), "web", "Browser " + i);
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      ids.add(idOf(answer));
    }
    assertThat(register(bearer, tokens.get(0), "web", "Browser 0").status())
        .as("the oldest, registered again, becomes the most recent")
        .isEqualTo(200);

    long twentyFirst = idOf(register(bearer, pushToken(), "web", "Browser 20"));

    List<Long> kept = ids(list(bearer));
    assertThat(kept).hasSize(20).contains(ids.get(0)).doesNotContain(ids.get(1));
    assertThat(kept.get(0)).isEqualTo(twentyFirst);
    assertThat(kept.get(1)).isEqualTo(ids.get(0));
    assertThat(register(bearer, tokens.get(1), "web", null).status())
        .as("the dropped token registers as a new device")
        .isEqualTo(201);
  }

  @Test
  void removesOnlyTheCallersOwnDevice() {
    String owner = signedUp();
    String stranger = signedUp();
    long device = idOf(register(owner, pushToken(), "android", null));

    for (String id : List.of(Long.toString(device), "0", "-1", "abc", "99999999999999999999")) {
      Answer refused = remove(stranger, id);
      assertThat(refused.status()).as(id + " " + refused.body()).isEqualTo(404);
      assertThat(refused.header("Content-Type")).startsWith("application/json");
      assertThat(refused.jsonObject().getString("message")).isEqualTo("Not found.");
    }
    Answer removed = remove(owner, Long.toString(device));
    Answer again = remove(owner, Long.toString(device));

    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
    assertThat(list(owner)).isEmpty();
  }

  @Test
  void deletingTheAccountDeletesItsDevices() throws Exception {
    String bearer = signedUp();
    String token = pushToken();
    register(bearer, token, "ios", null);
    long user = users.profile(bearer).jsonObject().getJsonNumber("id").longValue();
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + bearer,
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            TestAddresses.next());

    Answer deleted =
        RawHttp.send(port, "DELETE", "/api/v1/user", headers, json("password", PASSWORD));

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(sql("SELECT count(*) FROM user_devices WHERE user_id = " + user)).isZero();
    assertThat(sql("SELECT count(*) FROM user_devices WHERE token = '" + token + "'")).isZero();
    assertThat(register(signedUp(), token, "ios", null).status()).isEqualTo(201);
  }

  @Test
  void everyDeviceEndpointNeedsAValidBearerToken() {
    String bearer = signedUp();
    String forged = bearer.substring(0, bearer.indexOf('|') + 1) + "A".repeat(43);
    for (String token : Arrays.asList(null, "garbage", forged)) {
      List<Answer> answers =
          List.of(
              register(token, pushToken(), "ios", null),
              users.send("GET", DEVICES, null, TestAddresses.next(), token),
              remove(token, "1"));
      for (Answer answer : answers) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.jsonObject().getString("message")).isEqualTo("Unauthenticated.");
      }
    }
    assertThat(list(bearer)).isEmpty();
  }

  @Test
  void refusesInvalidRegistrationsFieldByFieldAndStoresNothing() throws Exception {
    String bearer = signedUp();

    JsonObject missing = errors(users.post(DEVICES, "{}", TestAddresses.next(), bearer));
    JsonObject wrong = errors(register(bearer, "t".repeat(4097), "blackberry", "n".repeat(256)));
    JsonObject control = errors(register(bearer, "nul\u0000inside", "ios", "two\nlines"));
    JsonObject blank = errors(register(bearer, "   ", "", "   "));

    assertThat(missing.keySet()).containsExactlyInAnyOrder("token", "platform");
    assertThat(missing.getJsonArray("token").getString(0))
        .isEqualTo("The token field is required.");
    assertThat(missing.getJsonArray("platform").getString(0))
        .isEqualTo("The platform field is required.");
    assertThat(wrong.getJsonArray("token").getString(0))
        .isEqualTo("The token must not be longer than 4096 characters.");
    assertThat(wrong.getJsonArray("platform").getString(0))
        .isEqualTo("The platform must be one of ios, android, web.");
    assertThat(wrong.getJsonArray("name").getString(0))
        .isEqualTo("The name must not be longer than 255 characters.");
    assertThat(control.getJsonArray("token").getString(0))
        .isEqualTo("The token must not contain control characters.");
    assertThat(control.getJsonArray("name").getString(0))
        .isEqualTo("The name must not contain control characters.");
    assertThat(blank.keySet()).containsExactlyInAnyOrder("token", "platform");
    assertThat(list(bearer)).isEmpty();
  }

  @Test
  void parallelRegistrationsOfOneTokenMakeOneDevice() throws Exception {
    String bearer = signedUp();
    String token = pushToken();

    List<Answer> answers =
        race(10, racer -> () -> register(bearer, token, "ios", "racer " + racer));

    assertThat(answers).extracting(Answer::status).containsOnly(200, 201).containsOnlyOnce(201);
    assertThat(answers.stream().map(DevicesApiIT::idOf).distinct()).hasSize(1);
    assertThat(list(bearer)).hasSize(1);

    List<String> accounts = List.of(signedUp(), signedUp(), signedUp(), signedUp());
    String shared = pushToken();
    List<Answer> moves =
        race(
            accounts.size(), racer -> () -> register(accounts.get(racer), shared, "android", null));

    assertThat(moves).extracting(Answer::status).containsOnly(201);
    assertThat(sql("SELECT count(*) FROM user_devices WHERE token = '" + shared + "'")).isOne();
    assertThat(accounts.stream().mapToInt(account -> list(account).size()).sum()).isOne();
  }

  @Test
  void limitsRegistrationsTo30AMinutePerAccount() {
    String bearer = signedUp();
    String token = pushToken();
    for (int i = 0; i < 30; i++) {
      assertThat(register(bearer, token, "web", null).status()).isIn(200, 201);
    }

    Answer limited = register(bearer, token, "web", null);

    assertThat(limited.status()).as(limited.body()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.jsonObject().getString("message")).isEqualTo("Too many requests.");
    assertThat(register(signedUp(), pushToken(), "web", null).status()).isEqualTo(201);
    assertThat(list(bearer)).hasSize(1);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void loggedEveryDeviceEventAndNeverAToken() throws Exception {
    List<String> lines = app.stdoutLines();
    for (String event :
        List.of(
            "device.registered",
            "device.moved",
            "device.dropped",
            "device.removed",
            "device.rate_limited")) {
      assertThat(lines)
          .as(event)
          .anySatisfy(
              line -> {
                JsonObject json = parse(line);
                assertThat(json.getString("event", "")).isEqualTo(event);
                assertThat(json.getJsonNumber("user_id")).isNotNull();
                assertThat(json.containsKey("request_id")).isTrue();
              });
    }
    assertThat(secrets).hasSizeGreaterThan(40);
    for (String line : lines) {
      for (String secret : secrets) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  private static JsonObject errors(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.jsonObject().getString("message")).isEqualTo("The given data was invalid.");
    return answer.jsonObject().getJsonObject("errors");
  }

  /** Runs the racers' requests at once, each on a thread of its own. */
  private static <T> List<T> race(int racers, IntFunction<Callable<T>> work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(racers);
    try {
      List<T> answers = new ArrayList<>();
      for (Future<T> answer :
          threads.invokeAll(IntStream.range(0, racers).mapToObj(work).toList())) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private long sql(String statement) throws Exception {
    return E2eDatabase.number(database, statement);
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}
