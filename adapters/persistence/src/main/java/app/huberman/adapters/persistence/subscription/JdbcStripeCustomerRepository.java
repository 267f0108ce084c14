package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts' Stripe customers in {@code stripe_customers}, one row per account. */
@Dependent
public class JdbcStripeCustomerRepository implements StripeCustomerRepository {

  private static final String FIND = "SELECT customer_id FROM stripe_customers WHERE user_id = ?";

  /** Of two first purchases at once, the one that commits first is kept; both read it back. */
  private static final String KEEP =
      "INSERT INTO stripe_customers (user_id, customer_id, created_at) VALUES (?, ?, now())"
          + " ON CONFLICT (user_id) DO NOTHING";

  private static final String FORGET =
      "DELETE FROM stripe_customers WHERE user_id = ? AND customer_id = ?";

  private final Jdbc jdbc;

  @Inject
  public JdbcStripeCustomerRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<String> customerOf(UserId account) {
    return jdbc.withStatement(
        FIND,
        statement -> {
          Jdbc.bind(statement, account.value());
          try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
          }
        });
  }

  @Override
  public String keep(UserId account, String customerId) {
    jdbc.update(KEEP, account.value(), customerId);
    return customerOf(account)
        .orElseThrow(() -> new IllegalStateException("Account " + account.value() + " is gone"));
  }

  @Override
  public void forget(UserId account, String customerId) {
    jdbc.update(FORGET, account.value(), customerId);
  }
}
