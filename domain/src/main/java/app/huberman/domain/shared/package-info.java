/** Small values shared by every context: identifiers and money. */
package app.huberman.domain.shared;
