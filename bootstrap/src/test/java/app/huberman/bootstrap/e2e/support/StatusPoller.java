package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asks one URL, over and over on a thread of its own, and keeps every answer's status as a client
 * would have seen it: {@link #REFUSED} when nothing accepted the connection.
 */
public final class StatusPoller implements AutoCloseable {

  public static final int REFUSED = 0;

  /** One answer and when it came, in nanoseconds of {@link System#nanoTime()}. */
  public record Seen(long atNanos, int status) {}

  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean stopped;

  private StatusPoller(URI uri, Duration every) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("status-poller")
            .start(
                () -> {
                  while (!stopped) {
                    seen.add(new Seen(System.nanoTime(), ask(client, request)));
                    sleep(every);
                  }
                });
  }

  public static StatusPoller start(int port, String path, Duration every) {
    return new StatusPoller(URI.create("http://127.0.0.1:" + port + path), every);
  }

  public List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(Duration.ofSeconds(10));
  }

  private static int ask(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return REFUSED;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
