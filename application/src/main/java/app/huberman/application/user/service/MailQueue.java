package app.huberman.application.user.service;

import app.huberman.domain.job.QueueName;

/** Emails go through their own queue, so a slow mail server never delays other jobs. */
public final class MailQueue {

  public static final QueueName NAME = QueueName.of("mail");

  private MailQueue() {}
}
