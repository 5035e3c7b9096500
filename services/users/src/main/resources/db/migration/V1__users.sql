-- Accounts. Uniqueness lives in the database so that concurrent registrations cannot both succeed.
CREATE TABLE users (
    id         BIGSERIAL    PRIMARY KEY,
    username   VARCHAR(128) NOT NULL,
    email      VARCHAR(128) NOT NULL,
    password   VARCHAR(100) NOT NULL, -- bcrypt hash, never the password
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    admin      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT users_username_key UNIQUE (username)
);

-- Emails are compared case-insensitively: Michael@x.com and michael@x.com are one account.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC);
