-- Whether a subscription was paid for: 'sandbox' for App Store sandbox purchases (TestFlight, App
-- Review, sandbox testers) and Google Play test purchases (license testers), which cost nothing.
-- Every row before this migration counts as paid, as it did. Set to 'sandbox' by the first event
-- that says so, never back (Subscription#apply). The premium gauge counts the two apart, and a
-- lapse rule may give sandbox subscriptions no grace.
ALTER TABLE subscriptions
    ADD COLUMN environment varchar(16) NOT NULL DEFAULT 'production',
    ADD CONSTRAINT subscriptions_environment_check CHECK (environment IN ('production', 'sandbox'));
