-- Usernames are compared case-insensitively, like emails: "MICHAEL" beside "michael" read as one person in the
-- users list. The unique index on lower(username) replaces the case-sensitive constraint under the same name, so a
-- duplicate still reports users_username_key.
-- A database already holding two usernames that differ only in case cannot take the index: stop with the rows to
-- rename instead of failing on the index with a bare duplicate-key error.
DO $$
DECLARE
    clashes TEXT;
BEGIN
    SELECT string_agg(format('%s (ids %s)', names, ids), '; ')
      INTO clashes
      FROM (SELECT string_agg(username, ' / ' ORDER BY id) AS names, string_agg(id::text, ', ' ORDER BY id) AS ids
              FROM users GROUP BY lower(username) HAVING count(*) > 1) AS clash;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'usernames that differ only in case: %; rename all but one of each (UPDATE users SET username = ... WHERE id = ...) and start again', clashes;
    END IF;
END $$;

ALTER TABLE users DROP CONSTRAINT users_username_key;
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
