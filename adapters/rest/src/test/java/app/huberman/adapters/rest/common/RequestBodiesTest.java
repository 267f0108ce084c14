package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

  @Test
  void readsABodyOfDeclaredLengthWhole() throws IOException {
    byte[] sent = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    RequestBodies.Read read = RequestBodies.read(new ByteArrayInputStream(sent), sent.length);

    assertThat(read.overTheLimit()).isFalse();
    assertThat(read.bytes()).isEqualTo(sent);
  }

  @Test
  void readsAChunkedBodyUpToTheLimit() throws IOException {
    byte[] sent = new byte[RequestBodies.MAX_BODY_BYTES];

    RequestBodies.Read read = RequestBodies.read(new ByteArrayInputStream(sent), -1);

    assertThat(read.bytes()).hasSize(RequestBodies.MAX_BODY_BYTES);
  }

  @Test
  void refusesAChunkedBodyOneBytePastTheLimitAndDropsIt() throws IOException {
    ByteArrayInputStream sent =
        new ByteArrayInputStream(new byte[RequestBodies.MAX_BODY_BYTES + 1]);

    RequestBodies.Read read = RequestBodies.read(sent, -1);

    assertRefusedAndDrained(read, sent);
  }

  @Test
  void refusesADeclaredBodyOverTheLimitWithoutKeepingIt() throws IOException {
    int length = RequestBodies.MAX_BODY_BYTES + 10;
    ByteArrayInputStream sent = new ByteArrayInputStream(new byte[length]);

    RequestBodies.Read read = RequestBodies.read(sent, length);

    assertRefusedAndDrained(read, sent);
  }

  @Test
  void leavesABodyTooLargeToDiscardForTheConnectionToClose() throws IOException {
    long length = RequestBodies.MAX_DISCARDED_BYTES + 1;

    RequestBodies.Read read = RequestBodies.read(new ByteArrayInputStream(new byte[0]), length);

    assertThat(read.overTheLimit()).isTrue();
    assertThat(read.consumed()).isFalse();
  }

  /** Over the limit, kept nowhere, and read to its end so the connection can serve another. */
  private static void assertRefusedAndDrained(RequestBodies.Read read, ByteArrayInputStream sent) {
    assertThat(read.overTheLimit()).isTrue();
    assertThat(read.consumed()).isTrue();
    assertThat(sent.available()).isZero();
  }
}
