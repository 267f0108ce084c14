package app.huberman.bootstrap.cli;

import java.lang.reflect.Proxy;

/**
 * Stands in for a port a service needs to be built but the CLI's operation never calls (the account
 * service wants a rate limiter and a mailer to exist; promoting an admin uses neither). Calling one
 * fails loudly, so a use case that starts needing it is noticed by the CLI's tests, not in
 * production.
 */
final class NotInTheCli {

  private NotInTheCli() {}

  static <T> T port(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "toString" -> "NotInTheCli[" + type.getSimpleName() + "]";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default ->
                      throw new UnsupportedOperationException(
                          type.getSimpleName()
                              + "."
                              + method.getName()
                              + " is not available in the operator CLI");
                }));
  }
}
