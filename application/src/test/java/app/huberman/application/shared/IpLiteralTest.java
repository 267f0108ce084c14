package app.huberman.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLiteralTest {

  @ParameterizedTest
  @CsvSource({
    "203.0.113.9, 203.0.113.9",
    "2001:db8:1:2::7, 2001:db8:1:2::/64",
    "2001:0DB8:0001:0002:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
    "[2001:db8::1], 2001:db8:0:0::/64",
    "::1, 0:0:0:0::/64",
    "::ffff:10.0.0.1, 10.0.0.1",
    "unknown, unknown",
    "g:1, g:1"
  })
  void groupsAnIpv6AddressByItsSlash64AndLeavesTheRestAlone(String address, String group) {
    assertThat(IpLiteral.rateLimitGroup(address)).isEqualTo(group);
  }
}
