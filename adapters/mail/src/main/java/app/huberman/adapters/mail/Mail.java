package app.huberman.adapters.mail;

import app.huberman.domain.user.Email;

/** One email ready to send: its recipient, subject, and the same text as plain text and HTML. */
record Mail(Email to, String subject, String text, String html) {}
