package app.huberman.adapters.redis;

import app.huberman.application.shared.port.out.DegradationEventsPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every fall-back reported to it. */
public final class RecordingDegradationEvents implements DegradationEventsPort {

  public record FellBack(String dependency, String capability, Throwable cause) {}

  private final List<FellBack> reported = new CopyOnWriteArrayList<>();

  @Override
  public void fellBack(String dependency, String capability, Throwable cause) {
    reported.add(new FellBack(dependency, capability, cause));
  }

  public List<FellBack> reported() {
    return List.copyOf(reported);
  }
}
