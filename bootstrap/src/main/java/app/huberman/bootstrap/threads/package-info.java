/**
 * Thread pools to which an HTTP thread hands a request over, so that it serves others meanwhile.
 */
package app.huberman.bootstrap.threads;
