package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.job.port.out.SchedulerTickPort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

@Dependent
public class JdbcSchedulerTicks implements SchedulerTickPort {

  private final Jdbc jdbc;

  @Inject
  public JdbcSchedulerTicks(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Instant databaseNow() {
    return jdbc.withStatement(
        "SELECT clock_timestamp()",
        statement -> {
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
          }
        });
  }

  @Override
  public boolean claim(String task, Instant tick, String instanceId) {
    return jdbc.update(
            "INSERT INTO scheduler_ticks (task, tick, claimed_by) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            task,
            OffsetDateTime.ofInstant(tick, ZoneOffset.UTC),
            instanceId)
        == 1;
  }

  @Override
  public int pruneOlderThan(Duration age) {
    return jdbc.update(
        "DELETE FROM scheduler_ticks WHERE tick < now() - make_interval(secs => ?)",
        (double) age.toSeconds());
  }
}
