-- Exercises with their hidden tests (a JSON array of {name, call, expected}) and reference solution.
CREATE TABLE exercises (
    id           BIGSERIAL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    body         TEXT         NOT NULL,
    language     VARCHAR(32)  NOT NULL,
    starter_code TEXT         NOT NULL,
    tests        TEXT         NOT NULL,
    solution     TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every graded submission, with the per-test results (JSON array) the learner was shown.
CREATE TABLE submissions (
    id               BIGSERIAL PRIMARY KEY,
    user_id          BIGINT      NOT NULL,
    exercise_id      BIGINT      NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    code             TEXT        NOT NULL,
    verdict          VARCHAR(16) NOT NULL,
    results          TEXT        NOT NULL,
    output           TEXT        NOT NULL,
    output_truncated BOOLEAN     NOT NULL,
    duration_ms      BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX submissions_by_user ON submissions (user_id, exercise_id, id DESC);
CREATE INDEX submissions_by_exercise ON submissions (exercise_id, id DESC);

-- One row per (user, exercise), written only by the grader.
CREATE TABLE scores (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT      NOT NULL,
    exercise_id     BIGINT      NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    solved          BOOLEAN     NOT NULL DEFAULT false,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    first_solved_at TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT scores_user_exercise UNIQUE (user_id, exercise_id)
);
