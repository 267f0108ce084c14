package app.huberman.bootstrap.wiring;

import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.application.shared.port.out.RateLimiterPort;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;

/**
 * Tells the HTTP request being served which rate limits its use case consulted, so that the REST
 * adapter can answer with {@code X-RateLimit-*} headers while the use cases stay unaware of HTTP.
 * Outside a request (jobs, webhook workers) it only passes the calls on.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class RateLimitsForTheResponse implements RateLimiterPort {

  private final RateLimiterPort limiter;
  private final ConsultedRateLimits consulted;
  private final BeanManager beans;

  @Inject
  RateLimitsForTheResponse(
      @Delegate RateLimiterPort limiter, ConsultedRateLimits consulted, BeanManager beans) {
    this.limiter = limiter;
    this.consulted = consulted;
    this.beans = beans;
  }

  @Override
  public RateLimit check(String key, int limit, Duration window) {
    return reported(key, limiter.check(key, limit, window));
  }

  @Override
  public RateLimit hit(String key, int limit, Duration window) {
    return reported(key, limiter.hit(key, limit, window));
  }

  @Override
  public void takeBack(String key) {
    limiter.takeBack(key);
    if (inRequest()) {
      consulted.gaveBack(key);
    }
  }

  private RateLimit reported(String key, RateLimit answer) {
    if (inRequest()) {
      consulted.consulted(key, answer.limit(), answer.remaining());
    }
    return answer;
  }

  private boolean inRequest() {
    return beans.getContexts(RequestScoped.class).stream().anyMatch(Context::isActive);
  }
}
