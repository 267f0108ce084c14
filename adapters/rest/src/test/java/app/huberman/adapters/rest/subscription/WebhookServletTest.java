package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ServletAnswers;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookServletTest {

  @Test
  void acceptsJsonWithOrWithoutParametersAndInAnyCase() {
    assertThat(WebhookServlet.isJson("application/json")).isTrue();
    assertThat(WebhookServlet.isJson("application/json; charset=utf-8")).isTrue();
    assertThat(WebhookServlet.isJson("Application/JSON;charset=UTF-8")).isTrue();
  }

  @Test
  void refusesAnyOtherOrMissingType() {
    assertThat(WebhookServlet.isJson(null)).isFalse();
    assertThat(WebhookServlet.isJson("")).isFalse();
    assertThat(WebhookServlet.isJson("text/plain")).isFalse();
    assertThat(WebhookServlet.isJson("application/json-patch+json")).isFalse();
    assertThat(WebhookServlet.isJson("application/jsonx")).isFalse();
  }

  @Test
  void answersInTheApisSnakeCaseJson() {
    String answer =
        new String(
            ServletAnswers.json(new WebhookServlet.WebhookAnswer(true, false)),
            StandardCharsets.UTF_8);

    assertThat(answer).isEqualTo("{\"duplicate\":false,\"received\":true}");
  }

  @Test
  void anErrorWhileStoringAWebhookIsAnswered500NeverLeftAsA200() throws Exception {
    WebhookServlet servlet = new WebhookServlet();
    servlet.receiveWith(
        (provider, request) -> {
          throw new AssertionError("a bug deep in the use case");
        },
        Runnable::run);
    AtomicInteger status = new AtomicInteger(200);
    StringWriter body = new StringWriter();

    servlet.answer(
        PaymentProvider.STRIPE,
        new WebhookRequest("{}".getBytes(StandardCharsets.UTF_8), Map.of("x", List.of("y"))),
        recordingResponse(status, body));

    assertThat(status.get()).isEqualTo(500);
    assertThat(body.toString()).contains("\"message\"");
  }

  /** A response that keeps its status and body; everything else it is told is ignored. */
  private static HttpServletResponse recordingResponse(AtomicInteger status, StringWriter body) {
    PrintWriter writer = new PrintWriter(body);
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
            WebhookServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setStatus" -> {
                    status.set((Integer) args[0]);
                    yield null;
                  }
                  case "getWriter" -> writer;
                  case "getOutputStream" -> bytes;
                  default -> null;
                });
  }
}
