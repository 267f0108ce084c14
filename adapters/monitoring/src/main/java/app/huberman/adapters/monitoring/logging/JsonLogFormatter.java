package app.huberman.adapters.monitoring.logging;

import app.huberman.application.shared.JsonText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one line of JSON: {@code @timestamp}, {@code level}, {@code logger},
 * {@code message}, {@code request_id} and {@code user_id} when the thread has them, and {@code
 * exception} (class, message, trimmed stack) when there is one. An {@link EventLog} event adds
 * {@code event} and its fields.
 *
 * <p>Installed at server level, this class may be loaded by another class loader than the
 * application's {@link LogContext}; it therefore reads the context through the thread's context
 * class loader, which during a request is the application's.
 */
public class JsonLogFormatter extends Formatter {

  static final int MAX_STACK_FRAMES = 40;
  static final int CAUSE_FRAMES = 4;
  private static final MethodType STRING_GETTER = MethodType.methodType(String.class);
  private static final Map<ClassLoader, MethodHandle[]> CONTEXT_READERS = new WeakHashMap<>();
  private static final MethodHandle[] NO_READERS = new MethodHandle[0];
  private static final java.util.Set<String> RESERVED_FIELDS =
      java.util.Set.of(
          "@timestamp",
          "level",
          "logger",
          "message",
          "event",
          "request_id",
          "user_id",
          "thread",
          "exception");

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(256);
    line.append("{\"@timestamp\":\"")
        .append(DateTimeFormatter.ISO_INSTANT.format(record.getInstant()))
        .append('"');
    field(line, "level", levelName(record.getLevel()));
    field(line, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
    boolean event = EventLog.isEvent(record);
    field(line, "message", event ? record.getMessage() : formatMessage(record));
    String[] context = currentContext();
    if (event) {
      field(line, "event", record.getMessage());
      appendEventFields(line, (Map<?, ?>) record.getParameters()[0], context);
    }
    if (context[0] != null) {
      field(line, "request_id", context[0]);
    }
    if (context[1] != null) {
      field(line, "user_id", context[1]);
    }
    field(line, "thread", Thread.currentThread().getName());
    if (record.getThrown() != null) {
      appendException(line, record.getThrown());
    }
    return line.append("}\n").toString();
  }

  /**
   * An event's own {@code request_id} or {@code user_id} is written when the request's context has
   * none (a user id in the context is the caller's; an event may name another account).
   */
  private static void appendEventFields(StringBuilder line, Map<?, ?> fields, String[] context) {
    for (Map.Entry<?, ?> entry : fields.entrySet()) {
      String name = String.valueOf(entry.getKey());
      boolean fromContext =
          name.equals("request_id") && context[0] != null
              || name.equals("user_id") && context[1] != null;
      boolean reserved =
          RESERVED_FIELDS.contains(name) && !name.equals("request_id") && !name.equals("user_id");
      if (reserved || fromContext || entry.getValue() == null) {
        continue;
      }
      line.append(",\"").append(name).append("\":");
      if (entry.getValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
        line.append(number);
      } else if (entry.getValue() instanceof Boolean flag) {
        line.append(flag);
      } else {
        JsonText.quote(line, String.valueOf(entry.getValue()));
      }
    }
  }

  /** Names levels as operators know them from other stacks. */
  static String levelName(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARNING";
    }
    if (value >= Level.INFO.intValue()) {
      return "INFO";
    }
    if (value >= Level.FINE.intValue()) {
      return "DEBUG";
    }
    return "TRACE";
  }

  private static void appendException(StringBuilder line, Throwable thrown) {
    line.append(",\"exception\":{");
    line.append("\"class\":");
    JsonText.quote(line, thrown.getClass().getName());
    line.append(",\"message\":");
    JsonText.quote(line, thrown.getMessage() == null ? "" : thrown.getMessage());
    line.append(",\"stack\":");
    JsonText.quote(line, trimmedStack(thrown));
    line.append('}');
  }

  /**
   * The first {@value #MAX_STACK_FRAMES} lines of the stack trace, then only each cause's first
   * lines: the root cause is what an operator needs, and it comes last.
   */
  static String trimmedStack(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    String[] lines = text.toString().split("\\R");
    if (lines.length <= MAX_STACK_FRAMES) {
      return String.join("\n", lines);
    }
    StringBuilder kept =
        new StringBuilder(String.join("\n", java.util.Arrays.copyOf(lines, MAX_STACK_FRAMES)));
    int omitted = 0;
    int causeFramesLeft = 0;
    for (int i = MAX_STACK_FRAMES; i < lines.length; i++) {
      String stripped = lines[i].strip();
      if (stripped.startsWith("Caused by:") || stripped.startsWith("Suppressed:")) {
        kept.append('\n').append(lines[i]);
        causeFramesLeft = CAUSE_FRAMES;
      } else if (causeFramesLeft > 0) {
        kept.append('\n').append(lines[i]);
        causeFramesLeft--;
      } else {
        omitted++;
      }
    }
    return omitted == 0 ? kept.toString() : kept + "\n\t... " + omitted + " more lines";
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append(",\"").append(name).append("\":");
    JsonText.quote(line, value);
  }

  /** The request id and user id of this thread, from whichever copy of LogContext it uses. */
  private static String[] currentContext() {
    String[] context = {LogContext.requestId(), LogContext.userId()};
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (context[0] != null || loader == null || loader == LogContext.class.getClassLoader()) {
      return context;
    }
    MethodHandle[] readers = readersFor(loader);
    if (readers.length == 2) {
      try {
        context[0] = (String) readers[0].invokeExact();
        context[1] = (String) readers[1].invokeExact();
      } catch (Throwable e) {
        return context;
      }
    }
    return context;
  }

  private static MethodHandle[] readersFor(ClassLoader loader) {
    synchronized (CONTEXT_READERS) {
      return CONTEXT_READERS.computeIfAbsent(loader, JsonLogFormatter::findReaders);
    }
  }

  private static MethodHandle[] findReaders(ClassLoader loader) {
    try {
      Class<?> context = Class.forName(LogContext.class.getName(), false, loader);
      if (context == LogContext.class) {
        return NO_READERS;
      }
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      return new MethodHandle[] {
        lookup.findStatic(context, "requestId", STRING_GETTER),
        lookup.findStatic(context, "userId", STRING_GETTER)
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      return NO_READERS;
    }
  }
}
