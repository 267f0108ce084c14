package app.huberman.adapters.monitoring.metrics;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template a resource method answers ({@code /api/v1/plans}, {@code
 * /api/v1/admin/failed-jobs/{uuid}}), never the raw path, so metric labels stay bounded.
 */
final class RouteTemplates {

  static final String UNMATCHED = "unmatched";

  private final String applicationPath;
  private final Map<Method, String> templates = new ConcurrentHashMap<>();

  RouteTemplates(String applicationPath) {
    this.applicationPath = trimSlashes(applicationPath);
  }

  String templateOf(Class<?> resourceClass, Method resourceMethod) {
    if (resourceClass == null || resourceMethod == null) {
      return UNMATCHED;
    }
    return templates.computeIfAbsent(resourceMethod, method -> build(resourceClass, method));
  }

  private String build(Class<?> resourceClass, Method method) {
    StringBuilder template = new StringBuilder();
    append(template, applicationPath);
    Path classPath = resourceClass.getAnnotation(Path.class);
    if (classPath != null) {
      append(template, classPath.value());
    }
    Path methodPath = method.getAnnotation(Path.class);
    if (methodPath != null) {
      append(template, methodPath.value());
    }
    return template.length() == 0 ? "/" : template.toString();
  }

  private static void append(StringBuilder template, String segment) {
    String trimmed = trimSlashes(segment);
    if (!trimmed.isEmpty()) {
      template.append('/').append(trimmed);
    }
  }

  private static String trimSlashes(String value) {
    String trimmed = value;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
