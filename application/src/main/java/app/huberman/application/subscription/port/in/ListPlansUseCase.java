package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Plan;
import java.util.List;

/** The catalogue the app shows: every plan currently offered, cheapest first. */
public interface ListPlansUseCase {

  /**
   * The plans on offer. While the catalogue has not changed the same list instance is answered, so
   * a caller may keep what it derives from it (a serialised answer, its tag) for as long as it gets
   * that instance back.
   */
  List<Plan> listActivePlans();
}
