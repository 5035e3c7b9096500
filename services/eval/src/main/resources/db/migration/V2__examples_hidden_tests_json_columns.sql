-- Examples and hidden tests (issue 16) and JSON columns through Micronaut Data's JSON type (issue 20).
--
-- exercises.tests becomes json (not jsonb: jsonb keeps numbers as numeric, which turns an expected float written
-- 1.0E20 into the integer 100000000000000000000; json keeps the text, so an expected float stays a float). Every test
-- carries "hidden". An example (hidden: false) is shown to learners with its call and expected value; a hidden test
-- never is. Existing exercises keep their tests, all hidden, except that an exercise with two or more tests shows its
-- first one as the example (the original showed every test call).
ALTER TABLE exercises ADD COLUMN tests_json json;
UPDATE exercises e SET tests_json = (
    SELECT coalesce(json_agg(json_build_object('name', t.test -> 'name', 'call', t.test -> 'call',
                                               'expected', t.test -> 'expected',
                                               'hidden', t.ord > 1 OR json_array_length(e.tests::json) < 2)
                             ORDER BY t.ord), '[]'::json)
    FROM json_array_elements(e.tests::json) WITH ORDINALITY AS t(test, ord));
ALTER TABLE exercises DROP COLUMN tests;
ALTER TABLE exercises RENAME COLUMN tests_json TO tests;
ALTER TABLE exercises ALTER COLUMN tests SET NOT NULL;
ALTER TABLE exercises ADD CONSTRAINT exercises_tests_array CHECK (json_typeof(tests) = 'array');

-- How far a float may be from an expected float (0: exactly equal).
ALTER TABLE exercises ADD COLUMN float_tolerance DOUBLE PRECISION NOT NULL DEFAULT 0
    CONSTRAINT exercises_float_tolerance_range CHECK (float_tolerance >= 0 AND float_tolerance <= 0.5);

-- submissions.results becomes jsonb (it holds no numbers that matter: values are Python literal text). Rows written before hold JSON values where results now hold Python literal
-- text; they were all shown to their learner, so they stay visible (hidden: false) with their values as text.
ALTER TABLE submissions ADD COLUMN results_json jsonb;
UPDATE submissions s SET results_json = (
    SELECT coalesce(jsonb_agg(
               jsonb_strip_nulls(jsonb_build_object(
                   'name', r.result -> 'name',
                   'hidden', false,
                   'passed', r.result -> 'passed',
                   'expected', CASE WHEN r.result ? 'expected' THEN to_jsonb((r.result -> 'expected')::text) END,
                   'actual', CASE WHEN r.result ? 'actual' THEN to_jsonb((r.result -> 'actual')::text) END,
                   'error', r.result -> 'error',
                   'duration_ms', r.result -> 'duration_ms'))
               ORDER BY r.ord), '[]'::jsonb)
    FROM jsonb_array_elements(s.results::jsonb) WITH ORDINALITY AS r(result, ord));
ALTER TABLE submissions DROP COLUMN results;
ALTER TABLE submissions RENAME COLUMN results_json TO results;
ALTER TABLE submissions ALTER COLUMN results SET NOT NULL;

-- The verdict is an enum column: Java's Verdict on one side, this constraint on the other.
ALTER TABLE submissions ADD CONSTRAINT submissions_verdict_known
    CHECK (verdict IN ('passed', 'failed', 'error', 'timeout', 'memory_limit', 'output_limit'));
