package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ServletAnswers;
import java.nio.charset.StandardCharsets;
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
}
