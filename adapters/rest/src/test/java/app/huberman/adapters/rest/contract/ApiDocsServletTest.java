package app.huberman.adapters.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiDocsServletTest {

  @Test
  void servesThePageThatLoadsSwaggerUiOnTheContractFromThisOriginAlone() throws Exception {
    for (String pathInfo : new String[] {null, "/"}) {
      Answer page = get(served(), pathInfo, null);

      assertThat(page.status).isEqualTo(200);
      assertThat(page.headers.get("Content-Type")).isEqualTo("text/html;charset=UTF-8");
      assertThat(page.headers.get("Content-Security-Policy"))
          .contains("script-src 'self';", "default-src 'none';", "frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(page.body())
          .contains(
              "data-url=\"/openapi\"",
              "<script src=\"/api/docs/swagger-ui-bundle.js\"></script>",
              "<script src=\"/api/docs/swagger-initializer.js\"></script>",
              "href=\"/api/docs/swagger-ui.css\"")
          .doesNotContain("://", "<script>", "<style", "style=");
    }
  }

  @Test
  void theInitializerReadsTheDocumentThePageNamesAndCallsNothingElsewhere() throws Exception {
    Answer initializer = get(served(), "/swagger-initializer.js", null);

    assertThat(initializer.status).isEqualTo(200);
    assertThat(initializer.body())
        .contains("root.getAttribute(\"data-url\")", "validatorUrl: null")
        .doesNotContain("://", "petstore");
  }

  @ParameterizedTest
  @CsvSource({
    "/swagger-ui-bundle.js, text/javascript;charset=UTF-8",
    "/swagger-initializer.js, text/javascript;charset=UTF-8",
    "/swagger-ui.css, text/css;charset=UTF-8",
    "/index.css, text/css;charset=UTF-8",
    "/favicon-32x32.png, image/png",
    "/favicon-16x16.png, image/png"
  })
  void servesEachFileThePageLoadsTaggedAndAnswers304ToItsTag(String pathInfo, String type)
      throws Exception {
    ApiDocsServlet servlet = served();

    Answer file = get(servlet, pathInfo, null);
    Answer again = get(servlet, pathInfo, file.headers.get("ETag"));

    assertThat(file.status).isEqualTo(200);
    assertThat(file.headers.get("Content-Type")).isEqualTo(type);
    assertThat(file.body.size()).isPositive();
    assertThat(file.headers.get("Content-Length")).isEqualTo(Integer.toString(file.body.size()));
    assertThat(file.headers.get("ETag")).matches("\"[0-9a-f]{32}\"");
    assertThat(again.status).isEqualTo(304);
    assertThat(again.body.size()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../../WEB-INF/web.xml",
        "/..%2f..%2fWEB-INF%2fweb.xml",
        "/../web.xml",
        "/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
        "/..",
        "/.",
        "//swagger-ui.css",
        "/swagger-ui.css/",
        "/swagger-ui.css/../../../WEB-INF/web.xml",
        "/./swagger-ui.css",
        "/swagger-ui.css%00.html",
        "swagger-ui.css",
        "/index.html",
        "/swagger-ui.js",
        "/swagger-ui-standalone-preset.js",
        "/oauth2-redirect.html",
        "/../openapi.yaml",
        "/../../META-INF/openapi.yaml",
        "/5.35.1/swagger-ui.css",
        "/META-INF/resources/webjars/swagger-ui/5.35.1/index.html",
        "/webjars/swagger-ui/5.35.1/swagger-ui.css",
        "/SWAGGER-UI.CSS"
      })
  void anyOtherNameIsNotThereAndNothingIsResolvedAsAPath(String pathInfo) throws Exception {
    Answer answer = get(served(), pathInfo, null);

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.headers.get("Content-Type")).isEqualTo("application/json");
    assertThat(answer.body()).isEqualTo("{\"message\":\"Not found.\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/swagger-ui.css", "/swagger-ui-bundle.js", "/nothing"})
  void switchedOffEveryPathIsNotFoundAsAnUnknownPathIs(String pathInfo) throws Exception {
    ApiDocsServlet servlet = new ApiDocsServlet();
    servlet.serveWhen(new ApiDocsSettings(false));
    servlet.init();

    Answer answer = get(servlet, pathInfo, null);

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.headers.get("Content-Type")).isEqualTo("application/json");
    assertThat(answer.body()).isEqualTo("{\"message\":\"Not found.\"}");
  }

  @Test
  void anotherMethodThanGetIsNotAllowed() throws Exception {
    Answer answer = send(served(), "POST", "/swagger-ui.css", null);

    assertThat(answer.status).isEqualTo(405);
    assertThat(answer.headers.get("Allow")).isEqualTo("GET, HEAD");
    assertThat(answer.body()).isEqualTo("{\"message\":\"Method not allowed.\"}");
  }

  private static ApiDocsServlet served() throws Exception {
    ApiDocsServlet servlet = new ApiDocsServlet();
    servlet.serveWhen(new ApiDocsSettings(true));
    servlet.init();
    return servlet;
  }

  private static Answer get(ApiDocsServlet servlet, String pathInfo, String ifNoneMatch)
      throws Exception {
    return send(servlet, "GET", pathInfo, ifNoneMatch);
  }

  private static Answer send(
      ApiDocsServlet servlet, String method, String pathInfo, String ifNoneMatch) throws Exception {
    Answer answer = new Answer();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                ApiDocsServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, called, args) ->
                    switch (called.getName()) {
                      case "getMethod" -> method;
                      case "getPathInfo" -> pathInfo;
                      case "getHeader" -> "If-None-Match".equals(args[0]) ? ifNoneMatch : null;
                      case "getDateHeader" -> -1L;
                      case "getProtocol" -> "HTTP/1.1";
                      default -> null;
                    });
    servlet.service(request, answer.response());
    answer.writer.flush();
    return answer;
  }

  /** What the servlet answered: status, headers (one value each) and body. */
  private static final class Answer {
    private int status = 200;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final PrintWriter writer =
        new PrintWriter(new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8));

    String body() {
      return body.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse response() {
      ServletOutputStream bytes =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
              body.write(b);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              ApiDocsServletTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, called, args) ->
                  switch (called.getName()) {
                    case "setStatus" -> {
                      status = (Integer) args[0];
                      yield null;
                    }
                    case "setHeader" -> {
                      headers.put((String) args[0], (String) args[1]);
                      yield null;
                    }
                    case "setContentType" -> {
                      headers.put("Content-Type", (String) args[0]);
                      yield null;
                    }
                    case "setContentLength" -> {
                      headers.put("Content-Length", Integer.toString((Integer) args[0]));
                      yield null;
                    }
                    case "getWriter" -> writer;
                    case "getOutputStream" -> bytes;
                    default -> null;
                  });
    }
  }
}
