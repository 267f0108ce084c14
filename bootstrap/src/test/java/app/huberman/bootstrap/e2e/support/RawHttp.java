package app.huberman.bootstrap.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request on a fresh TCP connection, byte for byte as {@code curl -X METHOD -H ... -d BODY}
 * sends it over HTTP/1.1, and the answer read with {@code Connection: close}: what a client that is
 * not Java's sees, with no protocol upgrade and no client library in between. Checked against the
 * contract like {@link HttpTestClient}.
 */
public final class RawHttp {

  private RawHttp() {}

  public static HttpTestClient.Answer send(
      int port, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nConnection: close\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      request.append("Content-Length: ").append(payload.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(payload);
      out.flush();
      HttpTestClient.Answer answer = parse(socket.getInputStream());
      Contract.get()
          .check(
              new Contract.Exchange(
                  method,
                  path,
                  headers.entrySet().stream()
                      .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                      .map(Map.Entry::getValue)
                      .findFirst()
                      .orElse(null),
                  body == null ? null : payload,
                  answer.status(),
                  answer.headers(),
                  answer.body()),
              Contract.Check.DECLARED_STATUSES);
      return answer;
    }
  }

  private static HttpTestClient.Answer parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
          List.of(lines[i].substring(colon + 1).strip()));
    }
    if ("chunked".equalsIgnoreCase(firstOrEmpty(headers.get("transfer-encoding")))) {
      body = unchunk(body);
    }
    return new HttpTestClient.Answer(status, headers, body);
  }

  private static String firstOrEmpty(List<String> values) {
    return values == null ? "" : values.getFirst();
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
