package app.huberman.adapters.rest.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.adapters.rest.common.TestCallers;
import app.huberman.adapters.rest.common.UseCaseCalls;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.user.port.in.InvalidCredentialsException;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.LogInUseCase.LogInCommand;
import app.huberman.application.user.port.in.RegisterUserUseCase.RegisterUserCommand;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import app.huberman.application.user.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import app.huberman.application.user.port.in.SignedIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthResource} over HTTP: what each route hands its use case, the answer it maps back, and
 * the status codes of refusals and broken bodies, on fake use cases.
 */
class AuthResourceTest {

  private static final String LOGIN = "{\"email\":\"jo@example.com\",\"password\":\"x\"}";

  private final UseCaseCalls calls = new UseCaseCalls();
  private final HashingThreadsForTests hashingThreads = HashingThreadsForTests.withRoom();
  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server = serving(hashingThreads);
  }

  private ResourceServer serving(HashingThreadsForTests threads) {
    return ResourceServer.serving(
        new AuthResource(
            command -> threads.recordThread(calls.answer(command, UserFixtures.signedIn())),
            command -> threads.recordThread(calls.answer(command, UserFixtures.signedIn())),
            (caller, clientIp) -> calls.answer(List.of(caller, clientIp), null),
            command -> calls.answer(command, null),
            command -> threads.recordThread(calls.answer(command, null)),
            ResourceServer.directClients(),
            threads,
            new ConsultedRateLimits()),
        TestCallers.bearerFilter());
  }

  @Test
  void theRoutesThatHashAPasswordRunTheirUseCaseOnAHashingThread() {
    String reset =
        """
        {"token":"t","email":"jo@example.com","password":"pw-12345678",
         "password_confirmation":"pw-12345678"}""";
    String register =
        """
        {"name":"Jo","email":"jo@example.com","password":"pw-12345678",
         "password_confirmation":"pw-12345678"}""";

    assertThat(server.json("POST", "v1/login", LOGIN).statusCode()).isEqualTo(200);
    assertThat(server.json("POST", "v1/register", register).statusCode()).isEqualTo(201);
    assertThat(server.json("POST", "v1/reset-password", reset).statusCode()).isEqualTo(200);

    assertThat(hashingThreads.threadsUseCasesRanOn())
        .containsExactly(
            HashingThreadsForTests.NAME, HashingThreadsForTests.NAME, HashingThreadsForTests.NAME);
  }

  @Test
  void whenTooManyWaitToHashEachRouteAnswers503AtOnceAndRunsNoUseCase() {
    server.close();
    server = serving(HashingThreadsForTests.full());
    String reset =
        """
        {"token":"t","email":"jo@example.com","password":"pw-12345678",
         "password_confirmation":"pw-12345678"}""";

    List<HttpResponse<String>> answers =
        List.of(
            server.json("POST", "v1/login", LOGIN),
            server.json("POST", "v1/register", "{}"),
            server.json("POST", "v1/reset-password", reset));

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(503);
              assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
              assertThat(answer.headers().firstValue("Content-Type"))
                  .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
              assertThat(ResourceServer.jsonOf(answer).getString("message"))
                  .isEqualTo(PasswordHashing.BUSY);
            });
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void aLoginIsCountedBeforeTheLineSoOnePastItsLimitGets429AndOneRefusedIsGivenBack() {
    List<String> steps = new CopyOnWriteArrayList<>();
    LogInUseCase counting =
        new LogInUseCase() {
          @Override
          public SignedIn logIn(LogInCommand command) {
            throw new AssertionError("only admit and complete are called");
          }

          @Override
          public Admitted admit(LogInCommand command) {
            if (command.password().equals("over-the-limit")) {
              throw new RateLimitedException(Duration.ofSeconds(42));
            }
            steps.add("counted");
            return new Admitted(
                () -> {
                  steps.add("checked");
                  return UserFixtures.signedIn();
                },
                () -> steps.add("given back"));
          }
        };
    server.close();
    server = ResourceServer.serving(authResource(counting, HashingThreadsForTests.full()));

    HttpResponse<String> limited =
        server.json(
            "POST", "v1/login", "{\"email\":\"jo@example.com\",\"password\":\"over-the-limit\"}");
    HttpResponse<String> refused = server.json("POST", "v1/login", LOGIN);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(steps).containsExactly("counted", "given back");

    server.close();
    server = ResourceServer.serving(authResource(counting, hashingThreads));
    assertThat(server.json("POST", "v1/login", LOGIN).statusCode()).isEqualTo(200);
    assertThat(steps).containsExactly("counted", "given back", "counted", "checked");
  }

  private AuthResource authResource(LogInUseCase logIn, PasswordHashingThreads threads) {
    return new AuthResource(
        command -> calls.answer(command, UserFixtures.signedIn()),
        logIn,
        (caller, clientIp) -> calls.answer(List.of(caller, clientIp), null),
        command -> calls.answer(command, null),
        command -> calls.answer(command, null),
        ResourceServer.directClients(),
        threads,
        new ConsultedRateLimits());
  }

  @Test
  void registersWith201AndAnswersTheUserAndTheToken() {
    HttpResponse<String> answer =
        server.json(
            "POST",
            "v1/register",
            """
            {"name":"Jo","email":"jo@example.com","password":"pw-12345678",
             "password_confirmation":"pw-12345678"}""");

    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ResourceServer.jsonOf(answer).getString("token"))
        .isEqualTo(UserFixtures.signedIn().token());
    assertThat(ResourceServer.jsonOf(answer).getJsonObject("user"))
        .isEqualTo(UserFixtures.userJson());
    assertThat(calls.received())
        .singleElement()
        .isEqualTo(
            new RegisterUserCommand(
                "Jo", "jo@example.com", "pw-12345678", "pw-12345678", "127.0.0.1"));
  }

  @Test
  void aNullBodyReachesTheUseCaseAsMissingFieldsAndItsRefusalIsA422ByField() {
    calls.refuseWith(ValidationException.of("email", "The email field is required."));

    HttpResponse<String> answer = server.json("POST", "v1/register", "null");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(
            ResourceServer.jsonOf(answer)
                .getJsonObject("errors")
                .getJsonArray("email")
                .getString(0))
        .isEqualTo("The email field is required.");
    assertThat(calls.received())
        .singleElement()
        .isEqualTo(new RegisterUserCommand(null, null, null, null, "127.0.0.1"));
  }

  @Test
  void wrongCredentialsAre401AndAnswerNoToken() {
    calls.refuseWith(new InvalidCredentialsException());

    HttpResponse<String> answer =
        server.json("POST", "v1/login", "{\"email\":\"jo@example.com\",\"password\":\"x\"}");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(ResourceServer.jsonOf(answer).containsKey("token")).isFalse();
    assertThat(calls.received())
        .singleElement()
        .isEqualTo(new LogInCommand("jo@example.com", "x", "127.0.0.1"));
  }

  @Test
  void pastTheLimitIs429WithRetryAfterInSeconds() {
    calls.refuseWith(new RateLimitedException(Duration.ofSeconds(42)));

    HttpResponse<String> answer =
        server.json("POST", "v1/login", "{\"email\":\"jo@example.com\",\"password\":\"x\"}");

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("42");
    assertThat(ResourceServer.jsonOf(answer).getString("message")).isNotBlank();
  }

  @Test
  void logoutNeedsABearerTokenAndHandsTheCallerOver() {
    HttpResponse<String> anonymous = server.send("POST", "v1/logout", null);
    HttpResponse<String> signedIn =
        server.send(
            "POST", "v1/logout", null, "Authorization", TestCallers.bearer(TestCallers.USER_TOKEN));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(ResourceServer.jsonOf(signedIn).getString("message"))
        .isEqualTo(AuthResource.LOGGED_OUT);
    assertThat(calls.received()).hasSize(1);
  }

  @Test
  void theResetRoutesAnswerTheirSentencesAndPassEveryField() {
    HttpResponse<String> requested =
        server.json("POST", "v1/forgot-password", "{\"email\":\"jo@example.com\"}");
    HttpResponse<String> reset =
        server.json(
            "POST",
            "v1/reset-password",
            """
            {"token":"t","email":"jo@example.com","password":"p","password_confirmation":"q"}""");

    assertThat(ResourceServer.jsonOf(requested).getString("message"))
        .isEqualTo(AuthResource.RESET_REQUESTED);
    assertThat(ResourceServer.jsonOf(reset).getString("message"))
        .isEqualTo(AuthResource.RESET_DONE);
    assertThat(calls.received())
        .containsExactly(
            new RequestPasswordResetCommand("jo@example.com", "127.0.0.1"),
            new ResetPasswordCommand("t", "jo@example.com", "p", "q", "127.0.0.1"));
  }

  @Test
  void brokenBodiesAreRefusedWithTheRightStatusAndJsonBeforeAnyUseCase() {
    byte[] big = new byte[2 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    List<HttpResponse<String>> answers =
        List.of(
            server.json("POST", "v1/login", "{\"email\":"),
            server.send("POST", "v1/register", "name=x", "Content-Type", "text/plain"),
            server.json(
                "POST", "v1/login", "{\"email\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
            server.json(
                "POST",
                "v1/register",
                "{\"name\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)),
            server.json(
                "POST",
                "v1/register",
                new String(big, java.nio.charset.StandardCharsets.US_ASCII)));

    assertThat(answers.stream().map(HttpResponse::statusCode))
        .containsExactly(400, 415, 400, 400, 413);
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(ResourceServer.jsonOf(answer).getString("message")).isNotBlank();
    }
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void anEmptyBodyIsNotJson() {
    HttpResponse<String> answer = server.json("POST", "v1/login", "");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void fieldsOfTheWrongJsonTypeAreAClientError() {
    HttpResponse<String> answer =
        server.json("POST", "v1/login", "{\"email\":[1,2],\"password\":{}}");

    assertThat(answer.statusCode()).isIn(400, 422);
    assertThat(ResourceServer.jsonOf(answer).getString("message")).isNotBlank();
  }
}
