package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.LogOutUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.UserEventsPort;
import java.util.Objects;

/** Revokes the caller's token, and has this instance forget its verdict about it at once. */
public final class LogOutService implements LogOutUseCase {

  private final AccessTokenRepository tokens;
  private final AuthenticationCachePort verdicts;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public LogOutService(
      AccessTokenRepository tokens,
      AuthenticationCachePort verdicts,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void logOut(Authenticated caller, String clientIp) {
    unitOfWork.atomically(
        () -> {
          tokens.delete(caller.tokenId());
          return null;
        });
    events.loggedOut(caller.userId(), clientIp);
    verdicts.forgetToken(caller.tokenId());
  }
}
