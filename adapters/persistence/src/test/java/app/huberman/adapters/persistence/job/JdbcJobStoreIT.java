package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TestTransactions;
import app.huberman.application.job.JobStoreContract;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The job store on the real PostgreSQL: the contract. */
class JdbcJobStoreIT extends JobStoreContract {

  private static PostgresTestDatabase database;
  private static TestTransactions transactions;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("job_store");
    transactions = new TestTransactions(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    transactions.close();
    database.close();
  }

  @Override
  protected JobStorePort emptyStore() {
    database.execute("TRUNCATE jobs, failed_jobs");
    return new JdbcJobStore(transactions.dataSource());
  }

  @Override
  protected void enqueue(String n) {
    JdbcJobQueue queue = new JdbcJobQueue(transactions.dataSource());
    transactions.atomically(
        () -> queue.enqueue(WORK, JobPayload.of(1, Map.of("n", n)), JobOptions.defaults()));
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
