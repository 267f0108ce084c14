package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.UsersClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The runnable pointed at a Redis port where nothing listens, with tokens that live 3 seconds:
 * sign-up and sign-in still work, rate limits still apply (per instance), and tokens expire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersWithoutRedisIT {

  private static final String PASSWORD = "correct horse battery staple";

  private final String database =
      "huberman_it_noredis_" + UUID.randomUUID().toString().substring(0, 8);
  private RunnableProcess app;
  private HttpTestClient http;
  private UsersClient users;

  @BeforeAll
  void start() throws Exception {
    int port = FreePorts.find();
    app =
        RunnableTests.startUntil(
            "users-without-redis-it",
            port,
            Map.of(
                "LOG_LEVEL",
                "INFO",
                "DB_DATABASE",
                database,
                "REDIS_PORT",
                Integer.toString(FreePorts.find()),
                "AUTH_TOKEN_TTL",
                "PT3S",
                "QUEUE_WORKERS",
                "0"),
            "/health/started");
    http = new HttpTestClient(port);
    users = new UsersClient(http);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      app.close();
    } finally {
      E2eDatabase.drop(database);
    }
  }

  @Test
  void signsUpAndInWithoutRedisLimitsPerInstanceAndSaysItIsNotReady() {
    String email = "offline+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    assertThat(users.register("Jane", email, PASSWORD, "192.0.2.1").status()).isEqualTo(201);
    assertThat(users.login(email, PASSWORD, "192.0.2.2").status()).isEqualTo(200);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(users.login(email, "wrong password " + attempt, "192.0.2.3").status())
          .isEqualTo(401);
    }
    Answer limited = users.login(email, PASSWORD, "192.0.2.3");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
    // Degraded, not unready: a Redis outage must not take every instance out of rotation.
    Answer readiness = http.get("/health/ready");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"redis\":\"DOWN");
    assertThat(http.get("/metrics").body())
        .contains("dependency_fallbacks_total{capability=\"rate-limiter\",dependency=\"redis\"");
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    String email = "brief+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String token =
        users.register("Jane", email, PASSWORD, "192.0.2.10").jsonObject().getString("token");

    assertThat(users.profile(token).status()).isEqualTo(200);
    assertThat(Eventually.holds(Duration.ofSeconds(10), () -> users.profile(token).status() == 401))
        .isTrue();
  }
}
