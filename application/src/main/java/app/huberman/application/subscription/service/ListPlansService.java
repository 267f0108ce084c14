package app.huberman.application.subscription.service;

import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plan catalogue, kept in memory: every app launch asks for it, and its three rows change only
 * with a migration (which restarts the instances, each reading it afresh) or an operator's SQL. It
 * is read on the first request and again at most every {@link PlansRefresh}, so a change made
 * straight in the database is served by every instance within that time. {@code PT0S} keeps
 * nothing.
 *
 * <p>Until a first read succeeds every request reads, as before. After it, one request at a time
 * reads again; the others meanwhile answer the catalogue they have. When PostgreSQL cannot be
 * reached, the last catalogue read goes on being served (reported once per outage as a fallback)
 * and the read is tried again after {@link #RETRY_AFTER_FAILURE}; only an instance that never read
 * one answers "unavailable". A catalogue read again unchanged is answered as the same list
 * instance, so what the REST adapter derives from it (JSON, tag) stays valid.
 */
public final class ListPlansService implements ListPlansUseCase {

  /** How soon a refresh that found PostgreSQL down is tried again (at most the refresh itself). */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

  private final PlanRepository plans;
  private final UnitOfWorkPort unitOfWork;
  private final DegradationEventsPort degradation;
  private final Clock clock;
  private final PlansRefresh refresh;
  private final ReentrantLock reading = new ReentrantLock();

  private final AtomicReference<Kept> kept = new AtomicReference<>();

  /** Whether the running outage was reported; guarded by {@link #reading}. */
  private boolean outageReported;

  public ListPlansService(
      PlanRepository plans,
      UnitOfWorkPort unitOfWork,
      DegradationEventsPort degradation,
      Clock clock,
      PlansRefresh refresh) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.degradation = Objects.requireNonNull(degradation, "degradation");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  @Override
  public List<Plan> listActivePlans() {
    if (!refresh.keepsPlans()) {
      return read();
    }
    Kept current = kept.get();
    if (current == null) {
      return readFirst();
    }
    if (clock.instant().isBefore(current.readAgainAt())) {
      return current.plans();
    }
    if (!reading.tryLock()) {
      return current.plans(); // another request is reading
    }
    try {
      return readAgain();
    } finally {
      reading.unlock();
    }
  }

  /**
   * Nothing to answer yet: each request reads, as every request did before the catalogue was kept,
   * so that an outage before the first read fails requests side by side instead of queueing them
   * behind one another's timeouts. The first to succeed is kept.
   */
  private List<Plan> readFirst() {
    Instant now = clock.instant();
    List<Plan> read = List.copyOf(read());
    kept.compareAndSet(null, new Kept(read, now.plus(refresh.every())));
    return kept.get().plans();
  }

  /** Holding {@link #reading}: reads, unless the request before this one just did. */
  private List<Plan> readAgain() {
    Kept current = kept.get();
    Instant now = clock.instant();
    if (now.isBefore(current.readAgainAt())) {
      return current.plans();
    }
    try {
      List<Plan> read = List.copyOf(read());
      List<Plan> answer = current.plans().equals(read) ? current.plans() : read;
      kept.set(new Kept(answer, now.plus(refresh.every())));
      outageReported = false;
      return answer;
    } catch (DependencyUnavailableException e) {
      if (!outageReported) {
        outageReported = true;
        degradation.fellBack(e.dependency(), "plans", e);
      }
      Duration retry =
          RETRY_AFTER_FAILURE.compareTo(refresh.every()) < 0
              ? RETRY_AFTER_FAILURE
              : refresh.every();
      kept.set(new Kept(current.plans(), now.plus(retry)));
      return current.plans();
    }
  }

  private List<Plan> read() {
    return unitOfWork.readOnly(plans::findAllActive);
  }

  /** The catalogue in memory and when to read it again. */
  private record Kept(List<Plan> plans, Instant readAgainAt) {}
}
