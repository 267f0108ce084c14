/** Outbound ports every context uses: the transaction boundary and dependency failures. */
package app.huberman.application.shared.port.out;
