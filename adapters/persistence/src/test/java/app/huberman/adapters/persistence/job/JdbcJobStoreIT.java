package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.job.JobStoreContract;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job store on the real PostgreSQL: the contract. */
class JdbcJobStoreIT extends JobStoreContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("job_store");

  @Override
  protected JobStorePort emptyStore() {
    DB.database().execute("TRUNCATE jobs, failed_jobs");
    return new JdbcJobStore(DB.transactions().dataSource());
  }

  @Override
  protected void enqueue(String n) {
    JdbcJobQueue queue = new JdbcJobQueue(DB.transactions().dataSource());
    DB.transactions()
        .atomically(
            () -> queue.enqueue(WORK, JobPayload.of(1, Map.of("n", n)), JobOptions.defaults()));
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }
}
