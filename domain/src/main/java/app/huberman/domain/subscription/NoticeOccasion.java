package app.huberman.domain.subscription;

import java.util.Objects;

/**
 * A notice a subscription calls for: its kind and the occasion it is about. A subscription gets one
 * notice per kind and occasion, however often the change that calls for it is reported.
 *
 * @param occasion names the period the notice is about (the renewal that failed, the end coming or
 *     reached), so a later period's notice of the same kind is another one
 */
public record NoticeOccasion(NoticeKind kind, String occasion) {

  public NoticeOccasion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occasion, "occasion");
    if (occasion.isBlank() || occasion.length() > 64) {
      throw new IllegalArgumentException("An occasion is 1 to 64 characters: " + occasion);
    }
  }
}
