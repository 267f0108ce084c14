package app.huberman.adapters.monitoring.logging;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's (or nginx's) {@code X-Request-Id} when it is a sane
 * token, a new UUID otherwise. The id is echoed on the response and added to every log line written
 * while the request is handled.
 */
@WebFilter(
    filterName = "RequestId",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIdFilter.class.getName();
  private static final long serialVersionUID = 1L;

  /** Letters, digits and a few separators: nothing that could forge a log field or a header. */
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = requestIdOf(request);
    request.setAttribute(ATTRIBUTE, requestId);
    response.setHeader(HEADER, requestId);
    String outerRequestId = LogContext.requestId();
    LogContext.setRequestId(requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      if (outerRequestId == null) {
        LogContext.clear();
      }
    }
  }

  private static String requestIdOf(HttpServletRequest request) {
    Object dispatched = request.getAttribute(ATTRIBUTE);
    if (dispatched instanceof String alreadyAssigned) {
      return alreadyAssigned; // an error dispatch of the same request
    }
    return acceptable(request.getHeader(HEADER))
        ? request.getHeader(HEADER)
        : UUID.randomUUID().toString();
  }

  static boolean acceptable(String requestId) {
    return requestId != null && ACCEPTABLE.matcher(requestId).matches();
  }
}
