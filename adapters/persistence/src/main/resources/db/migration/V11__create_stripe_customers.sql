-- The Stripe customer of each account that bought on the web (issue 22): Checkout sessions and
-- Customer Portal sessions are created for it. One per account, deleted with the account. The
-- repository keeps the first one stored (ON CONFLICT DO NOTHING on the primary key).
CREATE TABLE stripe_customers (
    user_id     bigint       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- Stripe's id, cus_ and up to 255 characters as Stripe documents object ids.
    customer_id varchar(255) NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT stripe_customers_customer_id_key UNIQUE (customer_id)
);
