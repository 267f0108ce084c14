package app.huberman.adapters.push.fcm;

/**
 * OAuth access tokens with the {@value #SCOPE} scope, from the service account the Google Play
 * adapter already signs in with; bootstrap hands them over, so neither adapter knows the other.
 */
public interface FcmAccessTokens {

  String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  /**
   * A token valid for at least another minute.
   *
   * @throws RuntimeException when none can be had now (Google's token endpoint is down, or refused
   *     the account)
   */
  String token();

  /** Forgets the token (FCM refused it). */
  void invalidate();
}
