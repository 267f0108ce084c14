package app.huberman.adapters.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Where the tests' Redis is ({@code REDIS_HOST}, {@code REDIS_PORT}), and where none is. */
public final class RedisTestServer {

  private RedisTestServer() {}

  public static RedisSettings settings() {
    return new RedisSettings(host(), port(), "", false);
  }

  /** Settings for a port nothing listens on: connections are refused. */
  public static RedisSettings absent() {
    return new RedisSettings("127.0.0.1", unusedPort(), "", false);
  }

  public static String host() {
    String host = System.getenv("REDIS_HOST");
    return host == null || host.isBlank() ? "127.0.0.1" : host;
  }

  public static int port() {
    String port = System.getenv("REDIS_PORT");
    return port == null || port.isBlank() ? 6379 : Integer.parseInt(port);
  }

  public static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
