package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

  @Test
  void defaultsToTheDefaultQueueAtOnceFiveAttemptsAndAMinute() {
    JobOptions options = JobOptions.defaults();

    assertThat(options.queue()).isEqualTo(QueueName.DEFAULT);
    assertThat(options.delay()).isZero();
    assertThat(options.maxAttempts()).isEqualTo(5);
    assertThat(options.uniqueKey()).isEmpty();
    assertThat(options.timeouts().runTimeLimit()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusesAPastDelaySillyAttemptCountsAndEmptyKeys() {
    assertThatThrownBy(() -> JobOptions.defaults().delayedBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobOptions.defaults().withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobOptions.defaults().uniqueBy(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobOptions.defaults().uniqueBy("k".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUniqueKeyHoldsAWebhooksProviderAndTheLongestEventIdItMayHave() {
    String key = "webhook:google:" + "m".repeat(255);

    assertThat(JobOptions.defaults().uniqueBy(key).uniqueKey()).contains(key);
    assertThat(JobOptions.defaults().uniqueBy("k".repeat(512)).uniqueKey()).isPresent();
  }

  @Test
  void aVisibilityTimeoutAlwaysOutlastsTheRunTimeLimitWithAMargin() {
    assertThat(JobTimeouts.forRunTimeLimit(Duration.ofSeconds(10)).visibilityTimeout())
        .isEqualTo(Duration.ofSeconds(40));
    assertThat(JobTimeouts.forRunTimeLimit(Duration.ofMinutes(10)).visibilityTimeout())
        .isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> new JobTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesAreShortAndPlain() {
    assertThat(JobType.of("mail.password-reset").value()).isEqualTo("mail.password-reset");
    assertThatThrownBy(() -> JobType.of("Mail Reset")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueueName.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPayloadNamesWhatIsMissingAsAPermanentFailureAndNeverShowsItsValues() {
    JobPayload payload = JobPayload.of(2, Map.of("email", "a@example.com", "token", "s3cret"));

    assertThat(payload.require("email")).isEqualTo("a@example.com");
    assertThatThrownBy(() -> payload.require("user_id"))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("user_id");
    assertThat(payload.toString()).doesNotContain("s3cret").doesNotContain("a@example.com");
  }
}
