package app.huberman.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.domain.user.PasswordResetToken;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordResetTokenRepository} must do. */
public abstract class PasswordResetTokenRepositoryContract {

  private static final Instant ASKED_AT = Instant.parse("2026-03-01T08:15:00.000042Z");
  private static final String ADA = "ada@example.com";
  private static final String GRACE = "grace@example.com";

  private PasswordResetTokenRepository resets;

  protected abstract PasswordResetTokenRepository emptyRepository();

  @BeforeEach
  void startEmpty() {
    resets = emptyRepository();
  }

  @Test
  void returnsEveryFieldAsStored() {
    PasswordResetToken reset = new PasswordResetToken(ADA, hash(1), ASKED_AT);

    resets.save(reset);

    assertThat(resets.findByEmail(ADA)).contains(reset);
  }

  @Test
  void findsNothingForAnotherEmail() {
    resets.save(new PasswordResetToken(ADA, hash(1), ASKED_AT));

    assertThat(resets.findByEmail(GRACE)).isEmpty();
  }

  @Test
  void savingAgainReplacesTheEarlierResetOfThatEmail() {
    resets.save(new PasswordResetToken(ADA, hash(1), ASKED_AT));
    PasswordResetToken graces = new PasswordResetToken(GRACE, hash(2), ASKED_AT);
    resets.save(graces);
    PasswordResetToken again = new PasswordResetToken(ADA, hash(3), ASKED_AT.plusSeconds(120));

    resets.save(again);

    assertThat(resets.findByEmail(ADA)).contains(again);
    assertThat(resets.findByEmail(GRACE)).contains(graces);
    assertThat(resets.deleteCreatedBefore(ASKED_AT.plusSeconds(3600))).isEqualTo(2);
  }

  @Test
  void deletesTheResetOfOneEmail() {
    resets.save(new PasswordResetToken(ADA, hash(1), ASKED_AT));
    PasswordResetToken graces = new PasswordResetToken(GRACE, hash(2), ASKED_AT);
    resets.save(graces);

    resets.delete(ADA);

    assertThat(resets.findByEmail(ADA)).isEmpty();
    assertThat(resets.findByEmail(GRACE)).contains(graces);
  }

  @Test
  void deletingWhenNoResetIsPendingChangesNothing() {
    PasswordResetToken graces = new PasswordResetToken(GRACE, hash(2), ASKED_AT);
    resets.save(graces);

    resets.delete(ADA);

    assertThat(resets.findByEmail(GRACE)).contains(graces);
  }

  @Test
  void deletesTheResetsCreatedStrictlyBeforeTheCutoffAndCountsThem() {
    Instant cutoff = ASKED_AT.plus(PasswordResetToken.VALIDITY);
    resets.save(new PasswordResetToken("old@example.com", hash(1), cutoff.minusNanos(1_000)));
    PasswordResetToken atCutoff = new PasswordResetToken(ADA, hash(2), cutoff);
    PasswordResetToken newer = new PasswordResetToken(GRACE, hash(3), cutoff.plusSeconds(1));
    resets.save(atCutoff);
    resets.save(newer);

    assertThat(resets.deleteCreatedBefore(cutoff)).isEqualTo(1);

    assertThat(resets.findByEmail("old@example.com")).isEmpty();
    assertThat(resets.findByEmail(ADA)).contains(atCutoff);
    assertThat(resets.findByEmail(GRACE)).contains(newer);
  }

  private static String hash(long seed) {
    return "%064x".formatted(seed);
  }
}
