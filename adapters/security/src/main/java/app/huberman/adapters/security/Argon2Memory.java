package app.huberman.adapters.security;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool;

/**
 * Working memory kept between Argon2 computations, and the limit on how many run at once: one block
 * pool per core. Without kept memory every verification allocates its 19 MiB afresh, and with two
 * logins at once the garbage collector, not Argon2, sets the pace (docs/benchmarks.md). A
 * computation borrows a pool for its whole run, so pools are never shared between threads.
 *
 * <p>When all pools are lent out, a computation waits for one. Argon2 keeps a core busy, so more
 * computations than cores would only share the cores and multiply the memory in use: a burst of
 * logins queues here instead of filling the heap with 19 MiB arrays.
 */
final class Argon2Memory {

  private final BlockingQueue<BlockPool> idle;

  /**
   * @param pools how many computations may run at a time
   * @param parameters the parameters most computations use: each pool keeps that many blocks
   */
  Argon2Memory(int pools, Argon2Parameters parameters) {
    int blocks =
        Argon2BytesGenerator.getBlockCount(parameters.memoryKib(), parameters.parallelism());
    this.idle = new ArrayBlockingQueue<>(pools);
    for (int i = 0; i < pools; i++) {
      idle.add(new FixedBlockPool(blocks));
    }
  }

  /**
   * A pool of its own for the caller until {@link #giveBack}, waiting while all are lent out; empty
   * if the thread is interrupted while it waits (it then computes on fresh memory).
   */
  Optional<BlockPool> borrow() {
    try {
      return Optional.of(idle.take());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  void giveBack(BlockPool pool) {
    idle.add(pool);
  }
}
