-- Refresh-token families: every sign-in starts one, every rotation continues it. Rotation and reuse detection lock
-- the family row (SELECT ... FOR UPDATE), so a reuse revokes the family and every token issued in it, whatever the
-- interleaving with a concurrent rotation (docs/auth.md, "Refresh tokens").
CREATE TABLE refresh_families (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX refresh_families_live_by_user_idx ON refresh_families (user_id) WHERE revoked_at IS NULL;

-- Tokens issued before families existed: each becomes a family of its own.
ALTER TABLE refresh_tokens ADD COLUMN family_id BIGINT;
INSERT INTO refresh_families (id, user_id, revoked_at, created_at)
    SELECT id, user_id, revoked_at, created_at FROM refresh_tokens;
UPDATE refresh_tokens SET family_id = id;
SELECT setval(pg_get_serial_sequence('refresh_families', 'id'), COALESCE((SELECT max(id) FROM refresh_families), 0) + 1,
              false);
ALTER TABLE refresh_tokens
    ALTER COLUMN family_id SET NOT NULL,
    ADD CONSTRAINT refresh_tokens_family_fk FOREIGN KEY (family_id) REFERENCES refresh_families (id) ON DELETE CASCADE;
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
