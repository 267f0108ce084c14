package app.huberman.bootstrap.e2e.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that the Prometheus rules ({@code docker/prometheus/rules/*.yml}) and the
 * Grafana dashboards ({@code docker/grafana/dashboards/*.json}) read, so a test can check that the
 * app exports each. Names are parsed out of PromQL: identifiers that are not functions, keywords,
 * label names (inside {@code {}}, {@code by (...)} and the like) or durations. Recording-rule names
 * and the exporters' metrics are not the app's and are left out: see {@link #EXPORTER_PREFIXES}.
 */
public final class MetricNames {

  /** Metrics of node-exporter, postgres-exporter, redis-exporter and Prometheus itself. */
  public static final List<String> EXPORTER_PREFIXES = List.of("node_", "pg_", "redis_");

  /** Series Prometheus makes itself. */
  public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "bool",
          "inf",
          "nan",
          "atan2");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\w)(\\s*\\()?");
  private static final Pattern RECORD = Pattern.compile("^\\s*-?\\s*record:\\s*(\\S+)");
  private static final Pattern EXPR = Pattern.compile("^(\\s*)-?\\s*expr:\\s*(.*)$");

  private MetricNames() {}

  /** The metric names of one PromQL expression. */
  public static Set<String> inExpression(String promQl) {
    String stripped = QUOTED.matcher(promQl).replaceAll(" ");
    stripped = MATCHERS.matcher(stripped).replaceAll(" ");
    stripped = RANGES.matcher(stripped).replaceAll(" ");
    stripped = LABEL_LISTS.matcher(stripped).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(stripped);
    while (identifier.find()) {
      String name = identifier.group(1);
      boolean isCall = identifier.group(2) != null;
      if (!isCall && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The expressions ({@code expr:}, one line or a block) and recorded names of rule files. */
  public record Rules(List<String> expressions, Set<String> recorded) {}

  public static Rules rules(Path directory) throws IOException {
    List<String> expressions = new ArrayList<>();
    Set<String> recorded = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher record = RECORD.matcher(lines.get(i));
          if (record.find()) {
            recorded.add(record.group(1));
          }
          Matcher expr = EXPR.matcher(lines.get(i));
          if (!expr.matches()) {
            continue;
          }
          String value = expr.group(2).strip();
          if (!value.startsWith("|") && !value.startsWith(">")) {
            expressions.add(value);
            continue;
          }
          int indent = expr.group(1).length();
          StringBuilder block = new StringBuilder();
          while (i + 1 < lines.size()
              && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
            block.append(lines.get(++i)).append('\n');
          }
          expressions.add(block.toString());
        }
      }
    }
    return new Rules(expressions, recorded);
  }

  /** Every {@code expr} of every panel target of the dashboards in {@code directory}. */
  public static List<String> dashboardExpressions(Path directory) throws IOException {
    List<String> expressions = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
          collectExpressions(reader.readObject(), expressions);
        }
      }
    }
    return expressions;
  }

  private static void collectExpressions(JsonValue value, List<String> into) {
    if (value instanceof JsonObject object) {
      if (object.get("expr") instanceof JsonValue expr
          && expr.getValueType() == JsonValue.ValueType.STRING) {
        into.add(object.getString("expr"));
      }
      object.values().forEach(child -> collectExpressions(child, into));
    } else if (value instanceof JsonArray array) {
      array.forEach(child -> collectExpressions(child, into));
    }
  }

  /** Whether a name belongs to an exporter or to Prometheus, not to the app. */
  public static boolean notTheApps(String name) {
    return PROMETHEUS_SERIES.contains(name)
        || EXPORTER_PREFIXES.stream().anyMatch(name::startsWith)
        || name.contains(":");
  }

  /** The sample names in a Prometheus text exposition ({@code name{labels} value}). */
  public static Set<String> exported(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  private static int indentOf(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return indent;
  }
}
