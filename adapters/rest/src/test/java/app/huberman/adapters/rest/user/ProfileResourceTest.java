package app.huberman.adapters.rest.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.adapters.rest.common.TestCallers;
import app.huberman.adapters.rest.common.UseCaseCalls;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.user.port.in.DeleteAccountUseCase.DeleteAccountCommand;
import app.huberman.application.user.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ProfileResource} over HTTP: the caller's own account, read, changed and deleted. */
class ProfileResourceTest {

  private final UseCaseCalls calls = new UseCaseCalls();
  private final HashingThreadsForTests hashingThreads = HashingThreadsForTests.withRoom();
  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server = serving(hashingThreads);
  }

  private ResourceServer serving(HashingThreadsForTests threads) {
    return ResourceServer.serving(
        new ProfileResource(
            caller -> calls.answer(caller.userId(), UserFixtures.profile()),
            command -> threads.recordThread(calls.answer(command, UserFixtures.profile())),
            command -> threads.recordThread(calls.answer(command, null)),
            ResourceServer.directClients(),
            threads,
            new ConsultedRateLimits()),
        TestCallers.bearerFilter());
  }

  @Test
  void onlyTheChangesThatConfirmThePasswordRunOnAHashingThread() {
    assertThat(asCaller("PUT", "v1/user/profile", "{\"name\":\"Jo\"}").statusCode()).isEqualTo(200);
    assertThat(hashingThreads.threadsUseCasesRanOn())
        .singleElement()
        .isNotEqualTo(HashingThreadsForTests.NAME); // no password to verify: the HTTP thread

    assertThat(
            asCaller(
                    "PUT",
                    "v1/user/profile",
                    "{\"email\":\"new@example.com\",\"current_password\":\"pw\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(asCaller("DELETE", "v1/user", "{\"password\":\"pw\"}").statusCode()).isEqualTo(204);

    assertThat(hashingThreads.threadsUseCasesRanOn().subList(1, 3))
        .containsExactly(HashingThreadsForTests.NAME, HashingThreadsForTests.NAME);
  }

  @Test
  void whenTooManyWaitToHashAPasswordChangeAnswers503AtOnceAndRunsNoUseCase() {
    server.close();
    server = serving(HashingThreadsForTests.full());

    List<HttpResponse<String>> answers =
        List.of(
            asCaller(
                "PUT",
                "v1/user/profile",
                "{\"email\":\"new@example.com\",\"current_password\":\"pw\"}"),
            asCaller("DELETE", "v1/user", "{\"password\":\"pw\"}"));

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(503);
              assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
              assertThat(ResourceServer.jsonOf(answer).getString("message"))
                  .isEqualTo(PasswordHashing.BUSY);
            });
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void everyRouteNeedsTheCallersToken() {
    assertThat(server.send("GET", "v1/user/profile", null).statusCode()).isEqualTo(401);
    assertThat(server.json("PUT", "v1/user/profile", "{}").statusCode()).isEqualTo(401);
    assertThat(server.json("DELETE", "v1/user", "{}").statusCode()).isEqualTo(401);
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void theProfileIsTheContractsUserAndIsNeverCached() {
    HttpResponse<String> answer = asCaller("GET", "v1/user/profile", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ResourceServer.jsonOf(answer)).isEqualTo(UserFixtures.userJson());
    assertThat(calls.received()).containsExactly(TestCallers.USER);
  }

  @Test
  void anUpdateHandsEveryFieldToTheUseCaseForTheCallerOnly() {
    HttpResponse<String> answer =
        asCaller(
            "PUT",
            "v1/user/profile",
            "{\"name\":\"Jo\",\"email\":\"new@example.com\",\"current_password\":\"pw\","
                + "\"user_id\":99}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(calls.received())
        .containsExactly(
            new UpdateProfileCommand(TestCallers.USER, "Jo", "new@example.com", "pw", "127.0.0.1"));
  }

  @Test
  void aRefusedUpdateIs422ByField() {
    calls.refuseWith(ValidationException.of("current_password", "The password is incorrect."));

    HttpResponse<String> answer =
        asCaller("PUT", "v1/user/profile", "{\"email\":\"new@example.com\"}");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(ResourceServer.jsonOf(answer).getJsonObject("errors").keySet())
        .containsExactly("current_password");
  }

  @Test
  void deletingTheAccountIs204AndTakesThePassword() {
    HttpResponse<String> answer = asCaller("DELETE", "v1/user", "{\"password\":\"pw\"}");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    assertThat(calls.received())
        .containsExactly(new DeleteAccountCommand(TestCallers.USER, "pw", "127.0.0.1"));
  }

  private HttpResponse<String> asCaller(String method, String path, String body) {
    return server.json(
        method, path, body, "Authorization", TestCallers.bearer(TestCallers.USER_TOKEN));
  }
}
