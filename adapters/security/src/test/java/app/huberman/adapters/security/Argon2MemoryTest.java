package app.huberman.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.junit.jupiter.api.Test;

class Argon2MemoryTest {

  private final Argon2Memory memory = new Argon2Memory(1, new Argon2Parameters(64, 1, 1, 32, 16));

  @Test
  void aComputationWaitsWhileEveryPoolIsLentOut() throws Exception {
    BlockPool lent = memory.borrow().orElseThrow();

    CompletableFuture<Optional<BlockPool>> waiting = CompletableFuture.supplyAsync(memory::borrow);
    assertThat(waiting).failsWithin(200, TimeUnit.MILLISECONDS); // still waiting: not done

    memory.giveBack(lent);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).containsSame(lent);
  }

  @Test
  void anInterruptedWaitGetsNoPoolAndKeepsTheInterrupt() {
    BlockPool lent = memory.borrow().orElseThrow();
    Thread.currentThread().interrupt();
    try {
      assertThat(memory.borrow()).isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      memory.giveBack(lent);
    }
  }
}
