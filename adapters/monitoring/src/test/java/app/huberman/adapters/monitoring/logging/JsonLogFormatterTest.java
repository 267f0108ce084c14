package app.huberman.adapters.monitoring.logging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

  private final JsonLogFormatter formatter = new JsonLogFormatter();

  @AfterEach
  void clearContext() {
    LogContext.clear();
  }

  private static LogRecord record(Level level, String message, Object... parameters) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("app.huberman.Test");
    record.setInstant(Instant.parse("2026-11-26T06:00:00.123Z"));
    record.setParameters(parameters);
    return record;
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }

  @Test
  void writesOneJsonObjectOnOneLine() {
    String line = formatter.format(record(Level.INFO, "Listening on {0}", "127.0.0.1:8080"));

    assertThat(line).endsWith("}\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject json = parse(line);
    assertThat(json.getString("@timestamp")).isEqualTo("2026-11-26T06:00:00.123Z");
    assertThat(json.getString("level")).isEqualTo("INFO");
    assertThat(json.getString("logger")).isEqualTo("app.huberman.Test");
    assertThat(json.getString("message")).isEqualTo("Listening on 127.0.0.1:8080");
    assertThat(json.containsKey("request_id")).isFalse();
    assertThat(json.containsKey("exception")).isFalse();
  }

  @Test
  void keepsMultiLineAndHostileMessagesOnOneLine() {
    String hostile = "first\nsecond\r\n\"quoted\" \\ \t\u0001 \u2028end";

    String line = formatter.format(record(Level.WARNING, hostile));

    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(parse(line).getString("message")).isEqualTo(hostile);
  }

  @Test
  void addsTheRequestAndUserOfTheCurrentThread() {
    LogContext.setRequestId("req-123");
    LogContext.setUserId("42");

    JsonObject json = parse(formatter.format(record(Level.FINE, "detail")));

    assertThat(json.getString("request_id")).isEqualTo("req-123");
    assertThat(json.getString("user_id")).isEqualTo("42");
    assertThat(json.getString("level")).isEqualTo("DEBUG");
  }

  @Test
  void anEventNamesItsAccountWhenNoCallerIsKnownAndNeverWritesAKeyTwice() {
    Logger logger = Logger.getLogger("events-test");
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(formatter.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      EventLog.emit(logger, Level.WARNING, "admin.granted", Map.of("user_id", 7L, "level", "x"));
      LogContext.setUserId("42");
      EventLog.emit(logger, Level.WARNING, "admin.granted", Map.of("user_id", 7L));
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(parse(lines.get(0)).getInt("user_id")).isEqualTo(7);
    assertThat(parse(lines.get(0)).getString("level")).isEqualTo("WARNING");
    assertThat(parse(lines.get(1)).getString("user_id")).isEqualTo("42");
    assertThat(lines.get(1).split("\"user_id\"", -1)).hasSize(2);
  }

  @Test
  void describesAnExceptionWithATrimmedStack() {
    LogRecord record = record(Level.SEVERE, "Unexpected failure");
    record.setThrown(new IllegalStateException("boom", new RuntimeException(deepException(200))));

    JsonObject json = parse(formatter.format(record));

    assertThat(json.getString("level")).isEqualTo("ERROR");
    JsonObject exception = json.getJsonObject("exception");
    assertThat(exception.getString("class")).isEqualTo("java.lang.IllegalStateException");
    assertThat(exception.getString("message")).isEqualTo("boom");
    assertThat(exception.getString("stack").lines().count())
        .as("the first lines, then each cause's line and its first frames")
        .isLessThanOrEqualTo(
            JsonLogFormatter.MAX_STACK_FRAMES + 2 * (1 + JsonLogFormatter.CAUSE_FRAMES) + 1);
    assertThat(exception.getString("stack"))
        .contains("more lines")
        .contains("Caused by: java.lang.IllegalArgumentException: root");
  }

  private static Throwable deepException(int depth) {
    return depth == 0 ? new IllegalArgumentException("root") : deepException(depth - 1);
  }

  @Test
  void namesLevelsAsOperatorsExpect() {
    assertThat(JsonLogFormatter.levelName(Level.SEVERE)).isEqualTo("ERROR");
    assertThat(JsonLogFormatter.levelName(Level.WARNING)).isEqualTo("WARNING");
    assertThat(JsonLogFormatter.levelName(Level.INFO)).isEqualTo("INFO");
    assertThat(JsonLogFormatter.levelName(Level.CONFIG)).isEqualTo("DEBUG");
    assertThat(JsonLogFormatter.levelName(Level.FINE)).isEqualTo("DEBUG");
    assertThat(JsonLogFormatter.levelName(Level.FINEST)).isEqualTo("TRACE");
  }

  @Test
  void acceptsOnlySaneRequestIds() {
    assertThat(RequestIdFilter.acceptable("0b6f8a1e-7c1d-4c5e-9a55-3f1c2b9d7e10")).isTrue();
    assertThat(RequestIdFilter.acceptable("abc\"}{\"level\":\"ERROR")).isFalse();
    assertThat(RequestIdFilter.acceptable("with space")).isFalse();
    assertThat(RequestIdFilter.acceptable("x".repeat(129))).isFalse();
    assertThat(RequestIdFilter.acceptable("")).isFalse();
    assertThat(RequestIdFilter.acceptable(null)).isFalse();
  }
}
