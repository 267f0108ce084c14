package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(10));

  @Test
  void doublesTheDelayWithEachFailedAttemptUpToTheCap() {
    assertThat(policy.nominalDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.nominalDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.nominalDelay(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(policy.nominalDelay(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.nominalDelay(100)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void retriesATransientFailureAndGivesUpAfterTheLastAttempt() {
    SplittableRandom random = new SplittableRandom(1);

    assertThat(policy.afterFailure(1, 3, false, random))
        .isInstanceOf(FailureVerdict.RetryAfter.class);
    assertThat(policy.afterFailure(2, 3, false, random))
        .isInstanceOf(FailureVerdict.RetryAfter.class);
    assertThat(policy.afterFailure(3, 3, false, random))
        .isEqualTo(new FailureVerdict.GiveUp("gave up after 3 attempts"));
  }

  @Test
  void aRetryWaitsForTheLongerOfTheBackoffAndWhatTheFailureAsked() {
    SplittableRandom random = new SplittableRandom(1);

    assertThat(policy.afterFailure(1, 3, false, Duration.ofMinutes(5), random))
        .isEqualTo(new FailureVerdict.RetryAfter(Duration.ofMinutes(5)));
    assertThat(policy.afterFailure(1, 3, false, Duration.ofSeconds(1), random))
        .isInstanceOfSatisfying(
            FailureVerdict.RetryAfter.class,
            retry ->
                assertThat(retry.delay()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    assertThat(policy.afterFailure(3, 3, false, Duration.ofMinutes(5), random))
        .as("the last attempt was made")
        .isInstanceOf(FailureVerdict.GiveUp.class);
  }

  @Test
  void givesUpAtOnceOnAPermanentFailure() {
    assertThat(policy.afterFailure(1, 5, true, new SplittableRandom(1)))
        .isEqualTo(new FailureVerdict.GiveUp("permanent failure"));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.nominalDelay(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void aJitteredDelayLiesBetweenHalfTheNominalDelayAndAllOfIt(
      @ForAll @IntRange(min = 1, max = 200) int attempts, @ForAll long seed) {
    Duration nominal = policy.nominalDelay(attempts);

    Duration delay = policy.delayAfter(attempts, new SplittableRandom(seed));

    assertThat(delay).isBetween(nominal.dividedBy(2), nominal);
  }

  @Property
  void theNominalDelayNeverShrinksAndNeverExceedsTheCap(
      @ForAll @IntRange(min = 1, max = 199) int attempts,
      @ForAll @LongRange(min = 1, max = 86_400_000) long initialMillis) {
    RetryPolicy any = new RetryPolicy(Duration.ofMillis(initialMillis), Duration.ofDays(1));

    assertThat(any.nominalDelay(attempts + 1)).isGreaterThanOrEqualTo(any.nominalDelay(attempts));
    assertThat(any.nominalDelay(attempts)).isLessThanOrEqualTo(Duration.ofDays(1));
  }
}
