package app.huberman.domain.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in the smallest unit of an ISO 4217 currency (cents for USD).
 *
 * @param cents the amount in minor units, never negative
 * @param currency the upper-case ISO 4217 code, e.g. {@code USD}
 */
public record Money(long cents, String currency) {

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (cents < 0) {
      throw new IllegalArgumentException("An amount cannot be negative: " + cents);
    }
    if (!CURRENCY_CODE.matcher(currency).matches()) {
      throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
    }
  }

  /** Accepts the code in any case, as providers send it ({@code usd} from Stripe). */
  public static Money of(long cents, String currency) {
    return new Money(cents, Objects.requireNonNull(currency, "currency").toUpperCase(Locale.ROOT));
  }

  public boolean isZero() {
    return cents == 0;
  }
}
