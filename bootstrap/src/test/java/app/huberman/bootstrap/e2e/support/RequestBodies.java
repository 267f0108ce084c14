package app.huberman.bootstrap.e2e.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The bytes a request's body publisher sends, read once more for the contract check. */
final class RequestBodies {

  private RequestBodies() {}

  /** The body's bytes; null when the request has none. */
  static byte[] bytes(HttpRequest request) {
    BodyPublisher publisher = request.bodyPublisher().orElse(null);
    if (publisher == null || publisher.contentLength() == 0) {
      return null;
    }
    CompletableFuture<byte[]> read = new CompletableFuture<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer buffer) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
          }

          @Override
          public void onError(Throwable failure) {
            read.completeExceptionally(failure);
          }

          @Override
          public void onComplete() {
            read.complete(bytes.toByteArray());
          }
        });
    try {
      return read.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot read the request body again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
