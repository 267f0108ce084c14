package app.huberman.adapters.cli;

import app.huberman.domain.job.FailedJob;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Failed jobs for people (an aligned table with the exception's first line) and for machines (a
 * JSON array with the whole exception), in the admin API's snake_case.
 */
final class FailedJobsOutput {

  private static final int EXCEPTION_WIDTH = 80;

  private FailedJobsOutput() {}

  static void json(PrintWriter out, List<FailedJob> jobs) {
    out.println(
        jobs.stream()
            .map(FailedJobsOutput::fields)
            .map(Json::object)
            .collect(Collectors.joining(",", "[", "]")));
  }

  static void table(PrintWriter out, List<FailedJob> jobs) {
    if (jobs.isEmpty()) {
      out.println("No failed jobs.");
      return;
    }
    List<List<String>> rows =
        jobs.stream()
            .map(
                job ->
                    List.of(
                        job.uuid().toString(),
                        job.queue().value(),
                        job.type().value(),
                        Integer.toString(job.attempts()),
                        job.failedAt().toString(),
                        firstLine(job.exception())))
            .toList();
    Table.print(out, List.of("UUID", "QUEUE", "TYPE", "ATTEMPTS", "FAILED_AT", "EXCEPTION"), rows);
  }

  private static Map<String, Object> fields(FailedJob job) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("uuid", job.uuid().toString());
    fields.put("queue", job.queue().value());
    fields.put("type", job.type().value());
    fields.put("attempts", job.attempts());
    fields.put("exception", job.exception());
    fields.put("failed_at", job.failedAt().toString());
    return fields;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.lines().findFirst().orElse("").strip();
    return line.length() <= EXCEPTION_WIDTH ? line : line.substring(0, EXCEPTION_WIDTH - 1) + "…";
  }
}
