package app.huberman.adapters.security;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool;

/**
 * Working memory kept between Argon2 computations: one block pool per concurrent computation, as
 * many as there are cores. Without it every verification allocates its 19 MiB afresh, and with two
 * logins at once the garbage collector, not Argon2, sets the pace (docs/benchmarks.md). A
 * computation borrows a pool for its whole run, so pools are never shared between threads; when all
 * are lent out it runs on fresh memory instead of waiting.
 */
final class Argon2Memory {

  private final BlockingQueue<BlockPool> idle;

  /**
   * @param pools how many computations at a time get kept memory
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

  /** A pool of its own for the caller until {@link #giveBack}, or empty when all are lent out. */
  Optional<BlockPool> borrow() {
    return Optional.ofNullable(idle.poll());
  }

  void giveBack(BlockPool pool) {
    idle.add(pool);
  }
}
