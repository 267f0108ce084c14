package app.huberman.application.subscription.port.out;

import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;

/**
 * What subscriptions need to know about accounts, and no more: which account a provider's account
 * token (the account's UUID) names, and the address a sandbox allowlist is checked against. Reads
 * run in the caller's transaction; the users context owns the accounts.
 */
public interface AccountDirectoryPort {

  /** The account whose public UUID this is; empty when none is (deleted, or never ours). */
  Optional<UserId> idOf(UUID uuid);

  /** The account's email address; empty when the account is gone. */
  Optional<Email> emailOf(UserId id);

  /** The account's public UUID, which providers are given; empty when the account is gone. */
  Optional<UUID> accountTokenOf(UserId id);
}
