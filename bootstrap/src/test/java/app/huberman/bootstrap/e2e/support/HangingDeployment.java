package app.huberman.bootstrap.e2e.support;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.CountDownLatch;

/**
 * A web application that never finishes its deployment ({@code HANG_ON=deploy}) or its undeployment
 * ({@code HANG_ON=undeploy}), deployed beside the app with {@code --deploy}: how the tests make a
 * server start or stop hang, from outside the application and without a hook in its code. Only the
 * Servlet API here: the server loads this class ({@link HangingDeployments} builds the WARs).
 */
@WebListener
public class HangingDeployment implements ServletContextListener {

  private static final CountDownLatch NEVER = new CountDownLatch(1);

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if ("deploy".equals(System.getenv("HANG_ON"))) {
      waitForever();
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if ("undeploy".equals(System.getenv("HANG_ON"))) {
      waitForever();
    }
  }

  private static void waitForever() {
    while (true) {
      try {
        NEVER.await();
      } catch (InterruptedException e) {
        // a hang ignores interrupts as well
      }
    }
  }
}
