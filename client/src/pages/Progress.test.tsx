import { screen } from '@testing-library/react';
import { EXERCISES, MICHAEL, fakeApi, ok, signIn, statusOf } from '../test/fakeApi';
import { renderApp } from '../test/render';

test('My progress shows solved of total, a bar per exercise and recent submissions', async () => {
  signIn();
  fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': ok({ status: 'success', data: { exercises: EXERCISES } }),
    'GET /scores/user': ok({ status: 'success', data: { scores: [
      { id: 1, user_id: 1, exercise_id: 1, solved: true, attempts: 2, first_solved_at: 'x', updated_at: 'x' },
      { id: 2, user_id: 1, exercise_id: 2, solved: false, attempts: 1, first_solved_at: null, updated_at: 'x' },
    ] } }),
    'GET /submissions': ok({ status: 'success', data: { submissions: [
      { id: 5, exercise_id: 2, verdict: 'failed', passed: false, output: '', output_truncated: false, duration_ms: 1,
        created_at: '2026-01-03T10:00:00Z', results: [
          { name: 'a', passed: true, expected: '1', actual: '1', error: null, duration_ms: 1 },
          { name: 'b', passed: false, expected: '1', actual: '2', error: null, duration_ms: 1 },
        ] },
      { id: 4, exercise_id: 1, verdict: 'passed', passed: true, output: '', output_truncated: false, duration_ms: 1,
        created_at: '2026-01-02T10:00:00Z', results: [] },
    ] } }),
  });
  renderApp('/progress');
  expect(screen.getByRole('heading', { level: 1, name: 'My progress' })).toBeInTheDocument();
  expect(await screen.findByText((_, el) => el?.className === 'progress-summary' && el.textContent === 'Solved 1 of 2 exercises')).toBeInTheDocument();
  expect(screen.getByRole('progressbar', { name: 'Solved 1 of 2 exercises' })).toHaveAttribute('value', '1');
  expect(screen.getByRole('progressbar', { name: 'Sum: 100% of tests passed' })).toBeInTheDocument();
  expect(screen.getByRole('progressbar', { name: 'Reverse: 50% of tests passed' })).toBeInTheDocument();
  expect(screen.getByText('✓ Solved · 2 attempts')).toBeInTheDocument();
  expect(screen.getByText('Attempted · 1 attempt')).toBeInTheDocument();
  const rows = screen.getAllByRole('row').slice(1).map((row) => row.textContent);
  expect(rows[0]).toContain('ReverseFailed');
  expect(rows[1]).toContain('SumPassed');
});
