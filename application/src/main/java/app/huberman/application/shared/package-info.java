/** What every context's use cases share: failures any use case may report. */
package app.huberman.application.shared;
