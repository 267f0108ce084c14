package app.huberman.adapters.monitoring.metrics;

import app.huberman.adapters.monitoring.logging.LogContext;
import app.huberman.adapters.monitoring.logging.RequestIdFilter;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts and times the API requests a plain servlet answers (the webhooks, see the REST adapter),
 * which {@link HttpMetricsFilter} never sees: those whose servlet is mapped to an exact path under
 * {@code /api/}. That path is their route. Requests JAX-RS answers (mapped to {@code /api/*}) are
 * left to {@link HttpMetricsFilter}. A request its servlet answers asynchronously is recorded when
 * its answer is complete.
 */
@WebFilter(filterName = "ServletMetrics", urlPatterns = "/api/*", asyncSupported = true)
public class ServletMetricsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private transient HttpRequestRecorder recorder;

  /** The container makes filters with their no-argument constructor, then injects. */
  @Inject
  void recordInto(MetricRegistry registry, HttpMetricsSettings settings) {
    this.recorder = new HttpRequestRecorder(registry, settings);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null
        || mapping.getMappingMatch() != MappingMatch.EXACT
        || !mapping.getPattern().startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    long startedAt = System.nanoTime();
    chain.doFilter(request, response);
    if (request.isAsyncStarted()) {
      request.getAsyncContext().addListener(whenComplete(mapping.getPattern(), startedAt));
    } else {
      recordWithTheRequestId(request, mapping.getPattern(), response.getStatus(), startedAt);
    }
  }

  private AsyncListener whenComplete(String route, long startedAt) {
    return new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        recordWithTheRequestId(
            (HttpServletRequest) event.getSuppliedRequest(),
            route,
            ((HttpServletResponse) event.getSuppliedResponse()).getStatus(),
            startedAt);
      }

      @Override
      public void onTimeout(AsyncEvent event) {}

      @Override
      public void onError(AsyncEvent event) {}

      @Override
      public void onStartAsync(AsyncEvent event) {}
    };
  }

  /** Filters run in no set order: the request id's filter may have finished already. */
  private void recordWithTheRequestId(
      HttpServletRequest request, String route, int status, long startedAt) {
    boolean outside = LogContext.requestId() == null;
    if (outside && request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String requestId) {
      LogContext.setRequestId(requestId);
    }
    try {
      recorder.answered(request.getMethod(), route, status, startedAt);
    } finally {
      if (outside) {
        LogContext.clear();
      }
    }
  }
}
