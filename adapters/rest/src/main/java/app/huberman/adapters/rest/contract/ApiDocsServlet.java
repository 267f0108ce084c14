package app.huberman.adapters.rest.contract;

import app.huberman.adapters.rest.common.EntityTags;
import app.huberman.adapters.rest.common.ServletAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /api/docs}: Swagger UI on the contract ({@code /openapi}), from the WebJar packaged in
 * the application, when {@link ApiDocsSettings#enabled()} (bootstrap decides). Off, every path
 * under {@code /api/docs} answers 404 with the API's JSON error, as an unknown path does.
 *
 * <p>The page loads its script, styles and icons from {@code /api/docs/<file>} ({@link
 * ApiDocsFiles}: a fixed list, never a path lookup) and nothing from anywhere else, under a
 * Content-Security-Policy of its own: its script is a file, not inline, so {@code script-src
 * 'self'} holds. Files other than the page carry an {@code ETag} and answer {@code 304} to it.
 */
@WebServlet(name = "ApiDocs", urlPatterns = ApiDocsServlet.PATH + "/*")
public class ApiDocsServlet extends HttpServlet {

  public static final String PATH = "/api/docs";

  /**
   * Only this origin, for scripts, styles, images (Swagger UI's CSS draws icons from {@code data:}
   * URIs), fonts and fetches (the document and "Try it out"); never framed, no forms, no base.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final long serialVersionUID = 1L;

  private transient ApiDocsSettings settings;
  private transient ApiDocsFiles files;

  /** The container makes servlets with their no-argument constructor, then injects. */
  @Inject
  void serveWhen(ApiDocsSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init() throws ServletException {
    if (settings != null && settings.enabled()) {
      try {
        files = ApiDocsFiles.load(ApiDocsServlet.class.getClassLoader());
      } catch (RuntimeException e) {
        throw new ServletException("Cannot serve the API reference", e);
      }
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (files == null) {
      ServletAnswers.error(response, HttpServletResponse.SC_NOT_FOUND);
    } else if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
      super.service(request, response);
    } else {
      response.setHeader("Allow", "GET, HEAD");
      ServletAnswers.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ApiDocsFiles.File> found = files.find(request.getPathInfo());
    if (found.isEmpty()) {
      ServletAnswers.error(response, HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ApiDocsFiles.File file = found.get();
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (file.isPage()) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("Referrer-Policy", "no-referrer");
    }
    if (file.tag().isPresent()) {
      String tag = file.tag().get();
      response.setHeader("ETag", '"' + tag + '"');
      if (EntityTags.matches(request.getHeader("If-None-Match"), tag)) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
    }
    response.setContentType(file.mediaType());
    response.setContentLength(file.length());
    file.writeTo(response.getOutputStream());
  }
}
