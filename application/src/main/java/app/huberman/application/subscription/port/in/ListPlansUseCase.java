package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Plan;
import java.util.List;

/** The catalogue the app shows: every plan currently offered, cheapest first. */
public interface ListPlansUseCase {

  List<Plan> listActivePlans();
}
