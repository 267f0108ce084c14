package app.huberman.application.user.service;

import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.ShowProfileUseCase;

/**
 * The caller's account as the token check read it: no second read, as this runs on every profile
 * request (at most a second old, see {@link TokenVerdictCache}).
 */
public final class ShowProfileService implements ShowProfileUseCase {

  @Override
  public ProfileView showProfile(Authenticated caller) {
    return caller.account();
  }
}
