package app.huberman.application.user.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.user.PasswordResetToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Deletes expired bearer tokens and password resets (hourly). Idempotent. */
public final class PruneExpiredTokensHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("users.prune-expired-tokens");

  private final AccessTokenRepository tokens;
  private final PasswordResetTokenRepository resets;
  private final Clock clock;

  public PruneExpiredTokensHandler(
      AccessTokenRepository tokens, PasswordResetTokenRepository resets, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Instant now = clock.instant();
    tokens.deleteExpired(now);
    resets.deleteCreatedBefore(now.minus(PasswordResetToken.VALIDITY));
  }
}
