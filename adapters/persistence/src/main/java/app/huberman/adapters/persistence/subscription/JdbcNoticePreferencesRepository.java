package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.NoticePreferences.Choice;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Notice preferences in {@code notice_preferences}: what is switched off, as keys. A key this build
 * does not know (written by a newer one) is ignored on reading, and dropped at the next save.
 */
@Dependent
public class JdbcNoticePreferencesRepository implements NoticePreferencesRepository {

  private static final String FIND =
      "SELECT channels_off, choices_off FROM notice_preferences WHERE user_id = ?";
  private static final String INSERT_DEFAULTS =
      "INSERT INTO notice_preferences (user_id, updated_at) VALUES (?, now())"
          + " ON CONFLICT (user_id) DO NOTHING";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String UPDATE =
      "UPDATE notice_preferences SET channels_off = ?, choices_off = ?, updated_at = now()"
          + " WHERE user_id = ?";

  private final Jdbc jdbc;

  @Inject
  public JdbcNoticePreferencesRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<NoticePreferences> find(UserId user) {
    return read(FIND, user);
  }

  @Override
  public NoticePreferences lock(UserId user) {
    jdbc.update(INSERT_DEFAULTS, user.value());
    return read(LOCK, user)
        .orElseThrow(() -> new IllegalStateException("Account " + user.value() + " is gone"));
  }

  @Override
  public void save(UserId user, NoticePreferences preferences) {
    jdbc.withStatement(
        UPDATE,
        statement -> {
          statement.setArray(
              1,
              statement
                  .getConnection()
                  .createArrayOf(
                      "text",
                      preferences.channelsOff().stream().map(NoticeChannel::key).toArray()));
          statement.setArray(
              2,
              statement
                  .getConnection()
                  .createArrayOf(
                      "text",
                      preferences.choicesOff().stream()
                          .map(choice -> choice.kind().key() + ":" + choice.channel().key())
                          .toArray()));
          statement.setLong(3, user.value());
          if (statement.executeUpdate() != 1) {
            throw new IllegalStateException("No preferences of " + user.value() + " to save");
          }
          return null;
        });
  }

  private Optional<NoticePreferences> read(String sql, UserId user) {
    return jdbc.withStatement(
        sql,
        statement -> {
          Jdbc.bind(statement, user.value());
          try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new NoticePreferences(
                    channels(rows.getArray("channels_off")),
                    choices(rows.getArray("choices_off"))));
          }
        });
  }

  private static Set<NoticeChannel> channels(Array array) throws SQLException {
    Set<NoticeChannel> channels = new HashSet<>();
    for (String key : keys(array)) {
      NoticeChannel.fromKey(key).ifPresent(channels::add);
    }
    return channels;
  }

  private static Set<Choice> choices(Array array) throws SQLException {
    Set<Choice> choices = new HashSet<>();
    for (String key : keys(array)) {
      int colon = key.indexOf(':');
      if (colon < 0) {
        continue;
      }
      Optional<NoticeKind> kind = NoticeKind.fromKey(key.substring(0, colon));
      Optional<NoticeChannel> channel = NoticeChannel.fromKey(key.substring(colon + 1));
      if (kind.isPresent() && channel.isPresent()) {
        choices.add(new Choice(kind.get(), channel.get()));
      }
    }
    return choices;
  }

  private static String[] keys(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
