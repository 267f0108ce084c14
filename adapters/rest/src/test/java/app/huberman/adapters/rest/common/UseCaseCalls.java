package app.huberman.adapters.rest.common;

import java.util.ArrayList;
import java.util.List;

/** What fake use cases received, in order, and the refusal they throw once a test asks for it. */
public final class UseCaseCalls {

  private final List<Object> received = new ArrayList<>();
  private RuntimeException refusal;

  /** Records the input, then throws the refusal if there is one, or answers the result. */
  public <T> T answer(Object input, T result) {
    received.add(input);
    if (refusal != null) {
      throw refusal;
    }
    return result;
  }

  public void refuseWith(RuntimeException refusal) {
    this.refusal = refusal;
  }

  public List<Object> received() {
    return received;
  }
}
