package app.huberman.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void normalisesTheCurrencyCodeProvidersSendInLowerCase() {
    assertThat(Money.of(999, "usd")).isEqualTo(new Money(999, "USD"));
  }

  @Test
  void refusesNegativeAmounts() {
    assertThatThrownBy(() -> Money.of(-1, "USD")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesSomethingThatIsNotACurrencyCode() {
    assertThatThrownBy(() -> Money.of(1, "DOLLAR")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, "usd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knowsWhenItIsZero() {
    assertThat(Money.of(0, "USD").isZero()).isTrue();
    assertThat(Money.of(1, "USD").isZero()).isFalse();
  }
}
