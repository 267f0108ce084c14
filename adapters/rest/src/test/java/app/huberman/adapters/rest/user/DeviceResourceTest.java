package app.huberman.adapters.rest.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.adapters.rest.common.TestCallers;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.user.port.in.DeviceView;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.RegisterDeviceCommand;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.Registration;
import app.huberman.domain.user.DevicePlatform;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DeviceResource} over HTTP: 201 for a new device, 200 for a known one, never the token. */
class DeviceResourceTest {

  private static final DeviceView PHONE =
      new DeviceView(
          5,
          DevicePlatform.IOS,
          Optional.empty(),
          "…a1b2c3",
          Instant.parse("2026-01-02T03:04:05Z"),
          Instant.parse("2026-01-03T03:04:05Z"));

  private final List<Object> calls = new ArrayList<>();
  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server =
        ResourceServer.serving(
            new DeviceResource(
                command -> {
                  calls.add(command);
                  return new Registration(PHONE, "new-token".equals(command.token()));
                },
                owner -> List.of(PHONE),
                (owner, id) -> {
                  calls.add(id);
                  if (id != PHONE.id()) {
                    throw new NotFoundException("No such device");
                  }
                }),
            TestCallers.bearerFilter());
  }

  @Test
  void aNewDeviceIs201AndAKnownOne200() {
    HttpResponse<String> created =
        asCaller("POST", "", "{\"token\":\"new-token\",\"platform\":\"ios\",\"name\":null}");
    HttpResponse<String> known = asCaller("POST", "", "{\"token\":\"old\",\"platform\":\"ios\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(calls)
        .containsExactly(
            new RegisterDeviceCommand(TestCallers.USER, "new-token", "ios", null),
            new RegisterDeviceCommand(TestCallers.USER, "old", "ios", null));
  }

  @Test
  void theListShowsTheTokensEndOnly() {
    HttpResponse<String> answer = asCaller("GET", "", null);

    JsonArray devices = ResourceServer.arrayOf(answer);
    assertThat(devices.getJsonObject(0))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("id", 5)
                .add("platform", "ios")
                .addNull("name")
                .add("token_suffix", "…a1b2c3")
                .add("created_at", "2026-01-02T03:04:05Z")
                .add("last_registered_at", "2026-01-03T03:04:05Z")
                .build());
    assertThat(answer.body()).doesNotContain("\"token\"");
  }

  @Test
  void removingIs204AndAnUnknownOrNonNumericIdIs404() {
    assertThat(asCaller("DELETE", "/5", null).statusCode()).isEqualTo(204);
    assertThat(asCaller("DELETE", "/6", null).statusCode()).isEqualTo(404);
    HttpResponse<String> word = asCaller("DELETE", "/abc", null);

    assertThat(word.statusCode()).isEqualTo(404);
    assertThat(word.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(calls).containsExactly(5L, 6L);
  }

  @Test
  void withoutATokenNothingIsRegistered() {
    assertThat(server.json("POST", "v1/user/devices", "{\"token\":\"t\"}").statusCode())
        .isEqualTo(401);
    assertThat(calls).isEmpty();
  }

  private HttpResponse<String> asCaller(String method, String subPath, String body) {
    return server.json(
        method,
        "v1/user/devices" + subPath,
        body,
        "Authorization",
        TestCallers.bearer(TestCallers.USER_TOKEN));
  }
}
