-- Which notices about their subscription each user wants (issue 22). No row: everything on. Each
-- array lists what is switched off: channels ('email', 'push') and kind:channel choices
-- ('premium_ending:email'), so a kind added later is on for everybody.
CREATE TABLE notice_preferences (
    user_id      bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    channels_off text[]      NOT NULL DEFAULT '{}',
    choices_off  text[]      NOT NULL DEFAULT '{}',
    updated_at   timestamptz NOT NULL
);
