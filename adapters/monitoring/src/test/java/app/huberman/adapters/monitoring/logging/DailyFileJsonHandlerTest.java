package app.huberman.adapters.monitoring.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyFileJsonHandlerTest {

  @TempDir Path directory;

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T23:59:58Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  @Test
  void writesTheConsolesJsonLinesToOneFilePerUtcDay() throws IOException {
    DailyFileJsonHandler handler = new DailyFileJsonHandler(directory.resolve("logs"), clock);

    handler.publish(new LogRecord(Level.INFO, "before midnight"));
    now.set(Instant.parse("2026-11-27T00:00:01Z"));
    handler.publish(new LogRecord(Level.WARNING, "after midnight"));
    handler.close();

    List<String> first = Files.readAllLines(directory.resolve("logs/huberman-2026-11-26.log"));
    List<String> second = Files.readAllLines(directory.resolve("logs/huberman-2026-11-27.log"));
    assertThat(first).singleElement().asString().startsWith("{").contains("\"before midnight\"");
    assertThat(second).singleElement().asString().contains("\"level\":\"WARNING\"");
  }

  @Test
  void keepsTheNewestFourteenDaysAndNothingElseOfTheirs() throws IOException {
    for (int day = 1; day <= 20; day++) {
      Files.writeString(directory.resolve("huberman-2026-10-%02d.log".formatted(day)), "{}\n");
    }
    Files.writeString(directory.resolve("someone-elses.log"), "keep me\n");
    DailyFileJsonHandler handler = new DailyFileJsonHandler(directory, clock);

    handler.publish(new LogRecord(Level.INFO, "today"));
    handler.close();

    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(file -> file.getFileName().toString()).sorted())
          .hasSize(DailyFileJsonHandler.KEPT_FILES + 1)
          .contains("someone-elses.log", "huberman-2026-11-26.log", "huberman-2026-10-08.log")
          .doesNotContain("huberman-2026-10-07.log", "huberman-2026-10-01.log");
    }
  }
}
