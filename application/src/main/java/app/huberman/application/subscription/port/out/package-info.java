/** What the subscription use cases need from the outside: stores, caches and payment providers. */
package app.huberman.application.subscription.port.out;
