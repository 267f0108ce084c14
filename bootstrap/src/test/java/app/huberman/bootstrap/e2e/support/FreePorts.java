package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Finds a TCP port nothing listens on right now. */
public final class FreePorts {

  private FreePorts() {}

  public static int find() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
