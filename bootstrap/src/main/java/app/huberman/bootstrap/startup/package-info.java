/** Work done once when the application starts. */
package app.huberman.bootstrap.startup;
