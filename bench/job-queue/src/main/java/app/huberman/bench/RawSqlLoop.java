package app.huberman.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The practical limit: a plain table, batched inserts, and workers that each delete 5 jobs at a
 * time with {@code FOR UPDATE SKIP LOCKED} in autocommit, counting the rows, until the table is
 * empty. No reservation, retries, fencing or wake-up: a job whose worker dies is gone.
 */
final class RawSqlLoop implements Contender {

  private static final String CREATE =
      "CREATE TABLE raw_jobs (id bigserial PRIMARY KEY, payload jsonb NOT NULL,"
          + " available_at timestamptz NOT NULL DEFAULT now())";
  private static final String INSERT = "INSERT INTO raw_jobs (payload) VALUES (?::jsonb)";

  /** The batch size is in the text, as in our claim: a kept generic plan then needs no planning. */
  private static final String TAKE =
      """
      DELETE FROM raw_jobs WHERE id IN (
        SELECT id FROM raw_jobs WHERE available_at <= now() ORDER BY id LIMIT %d
        FOR UPDATE SKIP LOCKED)
      RETURNING id, payload
      """;

  private final DataSource pool;
  private final NoOpWork work;
  private final int workers;
  private final int batchSize;
  private final List<Thread> running = new ArrayList<>();

  RawSqlLoop(DataSource pool, NoOpWork work, int workers, int batchSize) {
    this.pool = pool;
    this.work = work;
    this.workers = workers;
    this.batchSize = batchSize;
  }

  static void createTable(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    }
  }

  @Override
  public String name() {
    return "raw SQL loop";
  }

  @Override
  public String table() {
    return "raw_jobs";
  }

  @Override
  public boolean wakesIdleWorkers() {
    return false;
  }

  /** The same payload as our queue's, in one JDBC batch and one transaction. */
  @Override
  public void enqueueBatch(List<String> ids) {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      connection.setAutoCommit(false);
      for (String id : ids) {
        insert.setString(1, "{\"version\": 1, \"data\": {\"n\": \"" + id + "\"}}");
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long enqueueOne(String id) {
    throw new UnsupportedOperationException("the raw loop does not wake idle workers");
  }

  @Override
  public void startWorkers() {
    running.clear();
    for (int i = 1; i <= workers; i++) {
      Thread worker = Thread.ofPlatform().name("raw-worker-" + i).unstarted(this::drain);
      running.add(worker);
      worker.start();
    }
  }

  private void drain() {
    try (Connection connection = pool.getConnection();
        PreparedStatement take = connection.prepareStatement(TAKE.formatted(batchSize))) {
      int taken;
      do {
        taken = 0;
        try (ResultSet rows = take.executeQuery()) {
          while (rows.next()) {
            rows.getLong(1);
            rows.getString(2);
            taken++;
          }
        }
        work.ranMany(taken);
      } while (taken > 0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stopWorkers() {
    for (Thread worker : running) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
