package app.huberman.bootstrap.e2e;

import static app.huberman.bootstrap.e2e.support.UsersClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.GeneratedClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.RawHttp;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.TestAddresses;
import app.huberman.bootstrap.e2e.support.UsersClient;
import app.huberman.client.ApiClient;
import app.huberman.client.ApiException;
import app.huberman.client.api.PlansApi;
import app.huberman.client.api.SubscriptionsApi;
import app.huberman.client.api.UsersApi;
import app.huberman.client.model.DeleteAccountRequest;
import app.huberman.client.model.Entitlement;
import app.huberman.client.model.LoginRequest;
import app.huberman.client.model.Plan;
import app.huberman.client.model.RegisterRequest;
import app.huberman.client.model.SignedIn;
import app.huberman.client.model.User;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Every users endpoint through the real runnable, as a mobile client calls it, with a real SMTP
 * server (GreenMail) receiving the emails. Each test comes from client addresses of its own ({@code
 * X-Forwarded-For}, believed from the trusted loopback proxy), so rate limits do not leak between
 * tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class UsersApiIT {

  private static final Pattern TOKEN = Pattern.compile("\\d+\\|[A-Za-z0-9_-]{43}");
  private static final Pattern RESET_LINK =
      Pattern.compile("https://reset\\.test/reset\\?token=([^&\\s\"]+)&email=([^\\s\"<]+)");
  private static final String PASSWORD = "correct horse battery staple";

  private final String database =
      "huberman_it_users_" + UUID.randomUUID().toString().substring(0, 8);

  /** Everything secret the tests handled: none of it may appear in a log line. */
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  private GreenMail smtp;
  private RunnableProcess app;
  private UsersClient users;
  private int port;

  @BeforeAll
  void start() throws Exception {
    int smtpPort = FreePorts.find();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    port = FreePorts.find();
    app =
        RunnableTests.startReady(
            "users-it",
            port,
            Map.of(
                "LOG_LEVEL",
                "DEBUG",
                "DB_DATABASE",
                database,
                "MAIL_PORT",
                Integer.toString(smtpPort),
                "PASSWORD_RESET_URL",
                "https://reset.test/reset",
                "ADMIN_EMAIL",
                "admin@huberman.test"));
    users = new UsersClient(new HttpTestClient(port));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      app.close();
    } finally {
      smtp.stop();
      E2eDatabase.drop(database);
    }
  }

  private static String newAddress() {
    return TestAddresses.next();
  }

  private static String newEmail(String who) {
    return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private String registered(String email) {
    Answer answer = users.register("Jane Doe", email, PASSWORD, newAddress());
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    String token = answer.jsonObject().getString("token");
    secrets.add(token);
    secrets.add(token.substring(token.indexOf('|') + 1));
    return token;
  }

  private static JsonObject errors(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.jsonObject().getString("message")).isEqualTo("The given data was invalid.");
    return answer.jsonObject().getJsonObject("errors");
  }

  @Test
  void registersAndReturnsTheUserAndATokenThatOpensTheProfile() {
    String email = newEmail("jane");

    Answer answer = users.register("Jane Doe", email, PASSWORD, newAddress());

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    JsonObject user = answer.jsonObject().getJsonObject("user");
    assertThat(user.keySet())
        .containsExactlyInAnyOrder(
            "id", "uuid", "name", "email", "email_verified_at", "created_at", "updated_at");
    assertThat(user.getString("email")).isEqualTo(email);
    assertThat(user.isNull("email_verified_at")).isTrue();
    assertThat(UUID.fromString(user.getString("uuid"))).isNotNull();
    String token = answer.jsonObject().getString("token");
    secrets.add(token);
    assertThat(token).matches(TOKEN);

    Answer profile = users.profile(token);

    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.header("Cache-Control")).isEqualTo("no-store");
    assertThat(profile.jsonObject()).isEqualTo(user);
  }

  @Test
  void refusesInvalidRegistrationsFieldByField() {
    String ip = newAddress();
    JsonObject missing = errors(users.post("/api/v1/register", "{}", ip, null));
    assertThat(missing.keySet()).containsExactlyInAnyOrder("name", "email", "password");
    assertThat(missing.getJsonArray("name").getString(0)).isEqualTo("The name field is required.");

    JsonObject bad =
        errors(
            users.post(
                "/api/v1/register",
                json(
                    "name",
                    "J",
                    "email",
                    "not-an-email",
                    "password",
                    "short",
                    "password_confirmation",
                    "other"),
                ip,
                null));
    assertThat(bad.getJsonArray("email").getString(0))
        .isEqualTo("The email must be a valid email address.");
    assertThat(bad.getJsonArray("password").getString(0))
        .isEqualTo("The password must be at least 8 characters.");

    JsonObject common = errors(users.register("J", newEmail("common"), "password123", ip));
    assertThat(common.getJsonArray("password").getString(0)).contains("too common");

    JsonObject mismatch =
        errors(
            users.post(
                "/api/v1/register",
                json(
                    "name",
                    "J",
                    "email",
                    newEmail("m"),
                    "password",
                    PASSWORD,
                    "password_confirmation",
                    PASSWORD + "!"),
                ip,
                null));
    assertThat(mismatch.getJsonArray("password").getString(0))
        .isEqualTo("The password confirmation does not match.");
  }

  @Test
  void anEmailIsTakenWhateverItsCase() {
    String email = newEmail("taken");
    registered(email);

    JsonObject taken =
        errors(
            users.register(
                "Other", email.toUpperCase(java.util.Locale.ROOT), PASSWORD, newAddress()));

    assertThat(taken.getJsonArray("email").getString(0))
        .isEqualTo("The email has already been taken.");
  }

  @Test
  void logsInAndAnswersAWrongPasswordAndAnUnknownEmailAlike() {
    String email = newEmail("login");
    registered(email);
    String ip = newAddress();

    Answer ok = users.login(email.toUpperCase(java.util.Locale.ROOT), PASSWORD, ip);
    Answer wrongPassword = users.login(email, PASSWORD + "x", ip);
    Answer unknownEmail = users.login(newEmail("nobody"), PASSWORD, ip);

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.jsonObject().getString("token")).matches(TOKEN);
    secrets.add(ok.jsonObject().getString("token"));
    assertThat(ok.header("Cache-Control")).isEqualTo("no-store");
    for (Answer refused : List.of(wrongPassword, unknownEmail)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.body()).isEqualTo("{\"message\":\"Invalid credentials\"}");
    }
  }

  @Test
  void refusesTheSixthFailedLoginOfAMinuteForThatEmailAndClientEvenWithTheRightPassword() {
    String email = newEmail("brute");
    registered(email);
    String attacker = newAddress();
    for (int attempt = 1; attempt <= 5; attempt++) {
      Answer failed = users.login(email, "wrong-" + attempt + "-password", attacker);
      assertThat(failed.status()).isEqualTo(401);
      assertThat(rateLimitHeaders(failed)).containsExactly("5", String.valueOf(5 - attempt));
    }

    Answer limited = users.login(email, PASSWORD, attacker);
    Answer elsewhere = users.login(email, PASSWORD, newAddress());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(rateLimitHeaders(limited)).containsExactly("5", "0");
    assertThat(limited.jsonObject().getString("message")).isEqualTo("Too many requests.");
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(rateLimitHeaders(elsewhere))
        .as("a right password is not a failure: nothing counted from the new address")
        .containsExactly("5", "5");
  }

  /** {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}, in that order. */
  private static List<String> rateLimitHeaders(Answer answer) {
    return Arrays.asList(
        answer.header("X-RateLimit-Limit"), answer.header("X-RateLimit-Remaining"));
  }

  @Test
  void parallelGuessesFromOneClientCannotAllSlipPastTheCount() throws Exception {
    String email = newEmail("parallel");
    registered(email);
    String attacker = newAddress();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String guess = "guess-" + i + "-password";
        answers.add(pool.submit(() -> users.login(email, guess, attacker).status()));
      }
      Map<Integer, Long> byStatus = new TreeMap<>();
      for (Future<Integer> answer : answers) {
        byStatus.merge(answer.get(), 1L, Long::sum);
      }

      assertThat(byStatus).as("only five guesses are checked").isEqualTo(Map.of(401, 5L, 429, 15L));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void guessesFromTwentyAddressesBlockTheAccountFromEveryAddress() {
    String email = newEmail("botnet");
    registered(email);
    for (int member = 1; member <= 20; member++) {
      assertThat(users.login(email, "guess-" + member + "-password", newAddress()).status())
          .isEqualTo(401);
    }

    Answer limited = users.login(email, PASSWORD, newAddress());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 15 * 60);
    assertThat(rateLimitHeaders(limited)).containsExactly("20", "0");
    assertThat(users.login(newEmail("bystander"), "any-wrong-password", newAddress()).status())
        .isEqualTo(401);
  }

  @Test
  void anIpv6ClientWalkingThroughItsSlash64IsOneClient() {
    String email = newEmail("v6");
    registered(email);
    String network =
        "2001:db8:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xFFFF) + ":1:";
    for (int host = 1; host <= 5; host++) {
      assertThat(users.login(email, "wrong-password-" + host, network + ":" + host).status())
          .isEqualTo(401);
    }

    assertThat(users.login(email, PASSWORD, network + "ffff:ffff:ffff:ffff").status())
        .isEqualTo(429);
    assertThat(users.login(email, PASSWORD, newAddress()).status()).isEqualTo(200);
  }

  @Test
  void limitsRegistrationsAndResetRequestsToFiveAMinutePerClient() {
    String ip = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(users.register("N", newEmail("burst"), PASSWORD, ip).status()).isEqualTo(201);
    }
    assertThat(users.register("N", newEmail("burst"), PASSWORD, ip).status()).isEqualTo(429);

    String other = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(
              users
                  .post("/api/v1/forgot-password", json("email", newEmail("f")), other, null)
                  .status())
          .isEqualTo(200);
    }
    assertThat(
            users
                .post("/api/v1/forgot-password", json("email", newEmail("f")), other, null)
                .status())
        .isEqualTo(429);

    String third = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(resetPassword("no such token " + i, newEmail("r"), PASSWORD, third).status())
          .isEqualTo(422);
    }
    assertThat(resetPassword("no such token", newEmail("r"), PASSWORD, third).status())
        .isEqualTo(429);
  }

  @Test
  void logoutRevokesThePresentedTokenOnly() {
    String email = newEmail("logout");
    String first = registered(email);
    Answer second = users.login(email, PASSWORD, newAddress());
    String secondToken = second.jsonObject().getString("token");
    secrets.add(secondToken);

    Answer logout = users.post("/api/v1/logout", null, newAddress(), first);

    assertThat(logout.status()).isEqualTo(200);
    assertThat(logout.jsonObject().getString("message")).isEqualTo("Logged out successfully");
    Answer revoked = users.profile(first);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(users.profile(secondToken).status()).isEqualTo(200);
  }

  @Test
  void refusesMissingMalformedAndForgedTokensWith401() {
    String token = registered(newEmail("forged"));
    String forged = token.substring(0, token.indexOf('|') + 1) + "A".repeat(43);

    for (String bad : Arrays.asList(null, "", "garbage", "1|x", "0|" + "A".repeat(43), forged)) {
      Answer answer = users.profile(bad);
      assertThat(answer.status()).as(String.valueOf(bad)).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(answer.jsonObject().getString("message")).isEqualTo("Unauthenticated.");
    }
  }

  @Test
  void updatesTheProfileAndTellsTheOldAddressWhenTheEmailChanges() throws Exception {
    String oldEmail = newEmail("mover");
    String token = registered(oldEmail);
    String newEmail = newEmail("moved");

    Answer updated =
        users.send(
            "PUT",
            "/api/v1/user/profile",
            json("name", "Jane Moved", "email", newEmail, "current_password", PASSWORD),
            newAddress(),
            token);

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.jsonObject().getString("name")).isEqualTo("Jane Moved");
    assertThat(updated.jsonObject().getString("email")).isEqualTo(newEmail);
    MimeMessage notice = awaitMail(oldEmail);
    assertThat(notice.getSubject()).isEqualTo("Your Huberman App email address was changed");
    assertThat(GreenMailUtil.getBody(notice)).doesNotContain(newEmail);
    // Its handler only sends mail: the job is deleted after its work, outside any transaction.
    assertThat(
            Eventually.holds(Duration.ofSeconds(10), () -> jobsOfType("mail.email-changed") == 0))
        .as("the notice's job is deleted once sent")
        .isTrue();

    JsonObject invalid =
        errors(
            users.send(
                "PUT",
                "/api/v1/user/profile",
                json("name", "", "email", "nope"),
                newAddress(),
                token));
    assertThat(invalid.keySet()).containsExactlyInAnyOrder("name", "email");
    String someoneElse = newEmail("else");
    registered(someoneElse);
    JsonObject taken =
        errors(
            users.send(
                "PUT",
                "/api/v1/user/profile",
                json("name", "J", "email", someoneElse, "current_password", PASSWORD),
                newAddress(),
                token));
    assertThat(taken.getJsonArray("email").getString(0))
        .isEqualTo("The email has already been taken.");
  }

  @Test
  void aStolenTokenAloneCannotMoveTheEmailAndAMoveVoidsTheOldAddressesResetLink() throws Exception {
    String email = newEmail("victim");
    String token = registered(email);
    String attacker = newEmail("attacker");
    String resetToken = requestedResetToken(email);

    JsonObject missing =
        errors(
            users.send(
                "PUT",
                "/api/v1/user/profile",
                json("name", "Jane", "email", attacker),
                newAddress(),
                token));
    JsonObject wrong =
        errors(
            users.send(
                "PUT",
                "/api/v1/user/profile",
                json("name", "Jane", "email", attacker, "current_password", "a guess at it"),
                newAddress(),
                token));

    assertThat(missing.getJsonArray("current_password").getString(0))
        .isEqualTo("The current password is required to change the email.");
    assertThat(wrong.getJsonArray("current_password").getString(0))
        .isEqualTo("The password is incorrect.");
    assertThat(users.profile(token).jsonObject().getString("email")).isEqualTo(email);

    Answer moved =
        users.send(
            "PUT",
            "/api/v1/user/profile",
            json("name", "Jane", "email", newEmail("moved"), "current_password", PASSWORD),
            newAddress(),
            token);
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(errors(resetPassword(resetToken, email, "a takeover passphrase")).keySet())
        .contains("token");
  }

  @Test
  void wrongPasswordsOfASignedInUserAreLimitedLikeLoginsAndAnswered429() {
    String email = newEmail("guessed");
    String token = registered(email);
    String ip = newAddress();

    for (int i = 0; i < 5; i++) {
      Answer wrong =
          users.send("DELETE", "/api/v1/user", json("password", "guess " + i), ip, token);
      assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
    }
    Answer limited = users.send("DELETE", "/api/v1/user", json("password", PASSWORD), ip, token);
    Answer loginLimited = users.login(email, PASSWORD, ip);

    Answer emailChangeLimited =
        users.send(
            "PUT",
            "/api/v1/user/profile",
            json("name", "N", "email", newEmail("moved"), "current_password", PASSWORD),
            ip,
            token);

    assertThat(limited.status()).as(limited.body()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
    assertThat(loginLimited.status()).isEqualTo(429);
    assertThat(emailChangeLimited.status()).as(emailChangeLimited.body()).isEqualTo(429);
    assertThat(users.profile(token).status()).as("the account is still there").isEqualTo(200);
  }

  @Test
  void resetsAForgottenPasswordOnceWithTheEmailedLinkAndRevokesEveryToken() throws Exception {
    String email = newEmail("forgetful");
    String oldToken = registered(email);
    String ip = newAddress();

    Answer known = users.post("/api/v1/forgot-password", json("email", email), ip, null);
    Answer unknown =
        users.post("/api/v1/forgot-password", json("email", newEmail("ghost")), ip, null);

    assertThat(known.status()).isEqualTo(200);
    assertThat(known.body()).isEqualTo(unknown.body());
    assertThat(known.jsonObject().getString("message"))
        .isEqualTo("If that email is registered, a password reset link has been sent.");
    MimeMessage mail = awaitMail(email);
    assertThat(mail.getSubject()).isEqualTo("Reset your Huberman App password");
    Matcher link =
        RESET_LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
    String resetToken = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    secrets.add(resetToken);
    secrets.add(link.group(0));
    String newPassword = "a brand new passphrase";
    secrets.add(newPassword);

    Answer reset = resetPassword(resetToken, email, newPassword);
    Answer again = resetPassword(resetToken, email, newPassword + "!");

    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.jsonObject().getString("message")).isEqualTo("Your password has been reset.");
    assertThat(errors(again).getJsonArray("token").getString(0))
        .isEqualTo("This password reset token is invalid or has expired.");
    assertThat(users.profile(oldToken).status()).isEqualTo(401);
    assertThat(users.login(email, PASSWORD, newAddress()).status()).isEqualTo(401);
    assertThat(users.login(email, newPassword, newAddress()).status()).isEqualTo(200);
  }

  @Test
  void refusesAResetTokenOlderThanAnHour() throws Exception {
    String email = newEmail("late");
    registered(email);
    String resetToken = requestedResetToken(email);
    sql("UPDATE password_reset_tokens SET created_at = now() - interval '61 minutes'");

    Answer late = resetPassword(resetToken, email, "another good passphrase");

    assertThat(errors(late).getJsonArray("token").getString(0))
        .isEqualTo("This password reset token is invalid or has expired.");
  }

  /** Asks for a reset link for this email and reads its token from the mail. */
  private String requestedResetToken(String email) throws Exception {
    users.post("/api/v1/forgot-password", json("email", email), newAddress(), null);
    Matcher link =
        RESET_LINK.matcher(
            GreenMailUtil.getBody(awaitMail(email)).replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).isTrue();
    String resetToken = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    secrets.add(resetToken);
    return resetToken;
  }

  private Answer resetPassword(String token, String email, String password) {
    return resetPassword(token, email, password, newAddress());
  }

  private Answer resetPassword(String token, String email, String password, String clientIp) {
    return users.post(
        "/api/v1/reset-password",
        json(
            "token",
            token,
            "email",
            email,
            "password",
            password,
            "password_confirmation",
            password),
        clientIp,
        null);
  }

  @Test
  void deletesTheAccountWithItsTokensOnceThePasswordIsConfirmed() throws Exception {
    String email = newEmail("leaver");
    String token = registered(email);
    long id = users.profile(token).jsonObject().getJsonNumber("id").longValue();

    JsonObject wrong =
        errors(
            users.send(
                "DELETE", "/api/v1/user", json("password", "not it at all"), newAddress(), token));
    Answer deleted =
        users.send("DELETE", "/api/v1/user", json("password", PASSWORD), newAddress(), token);

    assertThat(wrong.getJsonArray("password").getString(0)).isEqualTo("The password is incorrect.");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(users.profile(token).status()).isEqualTo(401);
    assertThat(users.login(email, PASSWORD, newAddress()).status()).isEqualTo(401);
    assertThat(sql("SELECT count(*) FROM users WHERE id = " + id)).isZero();
    assertThat(sql("SELECT count(*) FROM personal_access_tokens WHERE user_id = " + id)).isZero();
  }

  @Test
  void deletesTheAccountForAPlainHttp11ClientThatSendsThePasswordAsCurlDoes() throws Exception {
    String email = newEmail("curl-leaver");
    String token = registered(email);
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            newAddress());

    Answer wrong =
        RawHttp.send(port, "DELETE", "/api/v1/user", headers, "{\"password\":\"not it at all\"}");
    Answer deleted =
        RawHttp.send(port, "DELETE", "/api/v1/user", headers, json("password", PASSWORD));

    assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
    assertThat(wrong.header("Content-Type")).startsWith("application/json");
    assertThat(errors(wrong).getJsonArray("password").getString(0))
        .isEqualTo("The password is incorrect.");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(users.profile(token).status()).isEqualTo(401);
    assertThat(sql("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();
  }

  /** Issue 18: the contract is enough to build a working client with a standard generator. */
  @Test
  void aClientGeneratedFromTheContractSignsUpReadsPlansAndEntitlementsAndDeletesTheAccount()
      throws Exception {
    String email = newEmail("generated");
    ApiClient client = GeneratedClient.against(port, newAddress());
    UsersApi accounts = new UsersApi(client);

    SignedIn registered =
        accounts.register(
            new RegisterRequest()
                .name("Jane Doe")
                .email(email)
                .password(PASSWORD)
                .passwordConfirmation(PASSWORD));
    SignedIn signedIn = accounts.logIn(new LoginRequest().email(email).password(PASSWORD));
    secrets.add(registered.getToken());
    secrets.add(signedIn.getToken());
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + signedIn.getToken());
    User profile = accounts.getProfile(bearer);
    List<Plan> plans = new PlansApi(client).listPlans(null);
    Entitlement entitlement = new SubscriptionsApi(client).getEntitlements(bearer);
    accounts.deleteAccount(new DeleteAccountRequest().password(PASSWORD), bearer);

    assertThat(registered.getToken()).matches(TOKEN);
    assertThat(signedIn.getToken()).matches(TOKEN).isNotEqualTo(registered.getToken());
    assertThat(registered.getUser().getEmail()).isEqualTo(email);
    assertThat(registered.getUser().getEmailVerifiedAt()).isNull();
    assertThat(profile).isEqualTo(signedIn.getUser());
    assertThat(profile.getUuid()).isEqualTo(registered.getUser().getUuid());
    assertThat(plans)
        .extracting(Plan::getSlug)
        .containsExactly("free", "premium-monthly", "premium-annual");
    assertThat(plans.get(1).getInterval()).isEqualTo(Plan.IntervalEnum.MONTH);
    assertThat(entitlement.getPremium()).isFalse();
    assertThat(entitlement.getPlan()).isEqualTo("free");
    assertThat(statusOf(() -> accounts.getProfile(bearer))).isEqualTo(401);
    assertThat(
            statusOf(
                () ->
                    accounts.getProfile(
                        Map.of("Authorization", "Bearer " + registered.getToken()))))
        .isEqualTo(401);
    assertThat(statusOf(() -> accounts.logIn(new LoginRequest().email(email).password(PASSWORD))))
        .isEqualTo(401);
    assertThat(sql("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();
  }

  private static int statusOf(GeneratedCall call) {
    ApiException refused = catchThrowableOfType(ApiException.class, call::run);
    assertThat(refused).as("the server should have refused the call").isNotNull();
    return refused.getCode();
  }

  /** A call through the generated client. */
  @FunctionalInterface
  private interface GeneratedCall {
    void run() throws ApiException;
  }

  @Test
  void registeringTheRetiredAdminEmailGivesNoAdminRoleAndTheSettingIsNamedOnceAtStart()
      throws Exception {
    // This instance runs with ADMIN_EMAIL=admin@huberman.test, as an old .env would leave it.
    String claimant = registered("admin@huberman.test");

    Answer queue = users.send("GET", "/api/v1/admin/queue", null, newAddress(), claimant);

    assertThat(queue.status()).as(queue.body()).isEqualTo(403);
    assertThat(queue.jsonObject().getString("message")).isNotBlank();
    assertThat(
            sql(
                "SELECT count(*) FROM users WHERE email = 'admin@huberman.test' AND role = 'ADMIN'"))
        .isZero();
    assertThat(app.stdoutLines())
        .filteredOn(line -> line.contains("ADMIN_EMAIL is set and ignored"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"level\":\"WARNING\""));
  }

  @Test
  void anAdminPromotedByTheOperatorCliAloneSeesTheQueueAndItsFailedJobs() throws Exception {
    String email = newEmail("operator");
    String admin = registered(email);
    String someone = registered(newEmail("someone"));
    assertThat(users.send("GET", "/api/v1/admin/queue", null, newAddress(), admin).status())
        .isEqualTo(403);

    assertThat(RunnableTests.runCommand(Map.of("DB_DATABASE", database), "user:make-admin", email))
        .isZero();

    Answer queue =
        Eventually.answer(
            Duration.ofSeconds(5),
            () -> users.send("GET", "/api/v1/admin/queue", null, newAddress(), admin),
            answer -> answer.status() == 200);
    assertThat(queue.status()).as(queue.body()).isEqualTo(200);
    assertThat(queue.json().asJsonArray()).isNotNull();
    assertThat(users.send("GET", "/api/v1/admin/queue", null, newAddress(), someone).status())
        .isEqualTo(403);
    assertThat(users.send("GET", "/api/v1/admin/queue", null, newAddress(), null).status())
        .isEqualTo(401);
    String anyJob = "/api/v1/admin/failed-jobs/" + UUID.randomUUID();
    for (String[] call :
        List.of(
            new String[] {"GET", "/api/v1/admin/failed-jobs"},
            new String[] {"POST", anyJob + "/retry"},
            new String[] {"POST", "/api/v1/admin/failed-jobs/retry-all"},
            new String[] {"DELETE", anyJob})) {
      assertThat(users.send(call[0], call[1], null, newAddress(), someone).status())
          .as(call[0] + " " + call[1])
          .isEqualTo(403);
    }

    // On a queue no worker here listens to: a retried job must stay in jobs, not be re-buried.
    sql(
        "INSERT INTO failed_jobs (uuid, queue, type, payload, attempts, max_attempts, timeout_seconds,"
            + " visibility_seconds, exception) VALUES ('00000000-0000-0000-0000-0000000000f1', 'parked',"
            + " 'test.nothing', '{\"version\":1,\"data\":{}}', 5, 5, 60, 90, 'java.lang.IllegalStateException: boom')");
    Answer failed = users.send("GET", "/api/v1/admin/failed-jobs", null, newAddress(), admin);
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.json().asJsonArray().getJsonObject(0).getString("uuid"))
        .isEqualTo("00000000-0000-0000-0000-0000000000f1");
    assertThat(failed.json().asJsonArray().getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("uuid", "queue", "type", "attempts", "exception", "failed_at");
    Answer retried =
        users.send(
            "POST",
            "/api/v1/admin/failed-jobs/00000000-0000-0000-0000-0000000000f1/retry",
            null,
            newAddress(),
            admin);
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(
            sql(
                "SELECT count(*) FROM failed_jobs WHERE uuid = '00000000-0000-0000-0000-0000000000f1'"))
        .isZero();
    assertThat(
            users
                .send(
                    "DELETE",
                    "/api/v1/admin/failed-jobs/" + UUID.randomUUID(),
                    null,
                    newAddress(),
                    admin)
                .status())
        .isEqualTo(404);
    assertThat(users.send("POST", anyJob + "/retry", null, newAddress(), admin).status())
        .isEqualTo(404);
    sql(
        "INSERT INTO failed_jobs (uuid, queue, type, payload, attempts, max_attempts, timeout_seconds,"
            + " visibility_seconds, exception) VALUES ('00000000-0000-0000-0000-0000000000f2', 'parked',"
            + " 'test.nothing', '{\"version\":1,\"data\":{}}', 5, 5, 60, 90, 'java.lang.IllegalStateException: boom')");
    assertThat(
            users
                .send(
                    "DELETE",
                    "/api/v1/admin/failed-jobs/00000000-0000-0000-0000-0000000000f2",
                    null,
                    newAddress(),
                    admin)
                .status())
        .isEqualTo(204);
    assertThat(
            sql(
                "SELECT count(*) FROM failed_jobs WHERE uuid = '00000000-0000-0000-0000-0000000000f2'"))
        .isZero();
    assertThat(
            users
                .send("POST", "/api/v1/admin/failed-jobs/retry-all", null, newAddress(), admin)
                .status())
        .isEqualTo(200);
  }

  @Test
  void neverAnswers5xxToWhateverJsonAClientSends() {
    List<String> values =
        List.of(
            "null",
            "0",
            "-1",
            "1e309",
            "true",
            "\"\"",
            "\" \"",
            "\"a@b.co\"",
            "[]",
            "{}",
            "[null]",
            "\"" + "x".repeat(5000) + "\"",
            "\"\\u0000\"",
            "\"😀😀😀😀😀😀😀😀\"",
            "\"' OR 1=1 --\"",
            "\"12|" + "A".repeat(43) + "\"");
    List<String> paths =
        List.of(
            "/api/v1/register",
            "/api/v1/login",
            "/api/v1/forgot-password",
            "/api/v1/reset-password");
    List<String> fields = List.of("name", "email", "password", "password_confirmation", "token");
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int i = 0; i < 150; i++) {
      StringBuilder body = new StringBuilder("{");
      for (String field : fields) {
        if (random.nextBoolean()) {
          body.append(body.length() > 1 ? "," : "")
              .append('"')
              .append(field)
              .append("\":")
              .append(values.get(random.nextInt(values.size())));
        }
      }
      String path = paths.get(random.nextInt(paths.size()));
      Answer answer = users.post(path, body.append('}').toString(), newAddress(), null);
      assertThat(answer.status()).as(path + " " + body).isLessThan(500);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void loggedEveryAccountEventAndNoSecretAtAll() throws Exception {
    List<String> lines = app.stdoutLines();
    for (String event :
        List.of(
            "user.registered",
            "auth.login_succeeded",
            "auth.login_failed",
            "auth.rate_limited",
            "auth.logout",
            "password.reset_requested",
            "password.reset_completed",
            "user.deleted")) {
      assertThat(lines)
          .as(event)
          .anySatisfy(
              line -> {
                JsonObject json = parse(line);
                assertThat(json.getString("event", "")).isEqualTo(event);
                assertThat(json.getString("client_ip", "")).matches("198\\.1[89]\\..*");
                assertThat(json.containsKey("request_id")).isTrue();
              });
    }
    assertThat(lines)
        .filteredOn(line -> line.contains("\"auth.login_failed\""))
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("***@example.com")
                    .doesNotContainPattern("[a-z]+\\+[0-9a-f]{8}@example\\.com"));
    assertThat(secrets).hasSizeGreaterThan(10);
    for (String line : lines) {
      for (String secret : secrets) {
        assertThat(line).doesNotContain(secret);
      }
      assertThat(line).doesNotContain(PASSWORD);
    }
  }

  private MimeMessage awaitMail(String to) throws Exception {
    assertThat(Eventually.holds(Duration.ofSeconds(30), () -> mailTo(to) != null))
        .as(app.tail())
        .isTrue();
    return mailTo(to);
  }

  private MimeMessage mailTo(String to) {
    try {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        if (Arrays.stream(message.getAllRecipients())
            .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
          return message;
        }
      }
      return null;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long jobsOfType(String type) {
    try {
      return sql("SELECT count(*) FROM jobs WHERE type = '" + type + "'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
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
