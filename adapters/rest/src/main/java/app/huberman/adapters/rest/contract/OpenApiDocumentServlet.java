package app.huberman.adapters.rest.contract;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /openapi}: the contract, byte for byte as {@value #RESOURCE} holds it. Payara's own
 * MicroProfile OpenAPI endpoint is switched off: it rebuilds the document from its model, which
 * cannot read OpenAPI 3.1 schemas such as {@code additionalProperties: false}, so what it served
 * would not be the file the tests validate against.
 */
@WebServlet(name = "OpenApiDocument", urlPatterns = OpenApiDocumentServlet.PATH)
public class OpenApiDocumentServlet extends HttpServlet {

  public static final String PATH = "/openapi";
  public static final String RESOURCE = "META-INF/openapi.yaml";
  static final String MEDIA_TYPE = "application/yaml;charset=UTF-8";
  private static final long serialVersionUID = 1L;

  private transient byte[] document;

  @Override
  public void init() throws ServletException {
    try (InputStream in =
        OpenApiDocumentServlet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ServletException(RESOURCE + " is missing from the REST adapter");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new ServletException("Cannot read " + RESOURCE, e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType(MEDIA_TYPE);
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(document.length);
    response.getOutputStream().write(document);
  }
}
