package app.huberman.adapters.redis.ratelimit;

import app.huberman.adapters.redis.RedisTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a local port to Redis that a test can cut (listener and connections closed, so
 * connecting is refused) and restore on the same port.
 */
final class CuttableProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port = RedisTestServer.unusedPort();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  CuttableProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    restore();
  }

  int port() {
    return port;
  }

  synchronized void restore() {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = server;
      Thread.ofVirtual().start(() -> accept(server));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void cut() {
    closeQuietly(listener);
    sockets.forEach(CuttableProxy::closeQuietly);
    sockets.clear();
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        continue; // the listener was closed by cut()
      }
      sockets.add(client);
      try {
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
      } catch (IOException e) {
        closeQuietly(client); // Redis refused: the client sees a closed connection
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // One side went away.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      // Already closed.
    }
  }
}
