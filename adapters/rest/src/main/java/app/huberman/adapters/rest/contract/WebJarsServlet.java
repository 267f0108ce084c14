package app.huberman.adapters.rest.contract;

import app.huberman.adapters.rest.common.ServletAnswers;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /webjars/*}: not found, whatever the method. The container serves every library's {@code
 * META-INF/resources} at the root, which would publish the swagger-ui WebJar's files at {@code
 * /webjars/swagger-ui/<version>/} whatever {@code API_DOCS_ENABLED} says. They are served by {@link
 * ApiDocsServlet} alone, under its setting, and only those its page loads.
 */
@WebServlet(name = "WebJars", urlPatterns = WebJarsServlet.PATH)
public class WebJarsServlet extends HttpServlet {

  public static final String PATH = "/webjars/*";
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ServletAnswers.error(response, HttpServletResponse.SC_NOT_FOUND);
  }
}
