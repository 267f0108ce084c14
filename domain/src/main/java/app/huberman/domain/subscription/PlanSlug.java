package app.huberman.domain.subscription;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The stable, human-readable key of a plan ({@code free}, {@code premium-monthly}, ...). */
public record PlanSlug(String value) {

  // Declared before FREE: static fields initialise in order, and FREE's constructor uses these.
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_LENGTH = 64;

  /** The plan every user is on when they have no subscription. */
  public static final PlanSlug FREE = new PlanSlug("free");

  public PlanSlug {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a plan slug: " + value);
    }
  }

  public static PlanSlug of(String value) {
    return new PlanSlug(value);
  }

  /** The slug a client sent, or empty when it cannot be one (missing, malformed, too long). */
  public static Optional<PlanSlug> parse(String value) {
    if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(new PlanSlug(value));
  }
}
