import { act, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { EXERCISES, MICHAEL, fakeApi, ok, signIn, statusOf } from '../test/fakeApi';
import { renderApp } from '../test/render';

const exercisesAnswer = ok({ status: 'success', data: { exercises: EXERCISES } });

async function editorText() {
  await waitFor(() => expect(document.querySelector('.cm-editor')).not.toBeNull());
  return EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!.state.doc.toString();
}

async function typeCode(code: string) {
  await editorText();
  const view = EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }));
}

const failedRun = {
  id: 7, exercise_id: 1, verdict: 'failed', passed: false, output: 'debug line\n', output_truncated: false,
  duration_ms: 40, created_at: '2026-01-02T00:00:00Z',
  results: [
    { name: 'adds small numbers', hidden: false, passed: true, call: 'sum(2, 3)', expected: '5', actual: '5', duration_ms: 1 },
    { name: 'adds negatives', hidden: false, passed: false, call: 'sum(-4, 1)', expected: '-3', actual: 'None', duration_ms: 1 },
    { name: 'adds words', hidden: false, passed: false, call: "sum('a', 'b')", expected: "'ab'", error: 'TypeError: bad operand', duration_ms: 1 },
    { hidden: true, passed: true },
    { hidden: true, passed: false },
  ],
};
const passedRun = {
  ...failedRun, id: 8, verdict: 'passed', passed: true, output: '',
  results: failedRun.results.map((r) => ({ ...r, passed: true })),
};

/** A signed-in learner on the first exercise presses Run Code; the grader gives `answer`. */
async function runCode(answer: Parameters<typeof fakeApi>[0][string]) {
  signIn();
  fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': exercisesAnswer,
    'GET /scores/user': ok({ status: 'success', data: { scores: [] } }),
    'POST /submissions': answer,
  });
  const { user } = renderApp('/');
  await screen.findByRole('heading', { level: 2, name: 'Sum' });
  await user.click(screen.getByRole('button', { name: 'Run Code' }));
}

test('signed out: the exercise and a warning, but no Run Code', async () => {
  fakeApi({ 'GET /exercises': exercisesAnswer });
  renderApp('/');
  expect(screen.getByRole('heading', { level: 1, name: 'Exercises' })).toBeInTheDocument();
  expect(screen.getByText('Please log in to submit an exercise.')).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 2, name: 'Sum' })).toBeInTheDocument();
  // the prompt is rendered markdown
  expect(screen.getByText('sum').tagName).toBe('STRONG');
  expect(await editorText()).toBe('def sum(x, y):\n    pass\n');
  expect(screen.queryByRole('button', { name: 'Run Code' })).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Log In' })).toBeInTheDocument();
});

test('an exercise without starter code starts with "# Enter your code here." and Prev/Next move between exercises', async () => {
  fakeApi({ 'GET /exercises': exercisesAnswer });
  const { user } = renderApp('/');
  await screen.findByRole('heading', { level: 2, name: 'Sum' });
  expect(screen.queryByRole('link', { name: '« Prev' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Next »' }));
  expect(await screen.findByRole('heading', { level: 2, name: 'Reverse' })).toBeInTheDocument();
  expect(await editorText()).toBe('# Enter your code here.');
  expect(screen.queryByRole('link', { name: 'Next »' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: '« Prev' }));
  expect(await screen.findByRole('heading', { level: 2, name: 'Sum' })).toBeInTheDocument();
});

test('Run Code disables itself, shows Grading..., then Incorrect! with each test and the output', async () => {
  signIn();
  let answer: (value: { status: number; body: unknown }) => void = () => undefined;
  const { calls } = fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': exercisesAnswer,
    'GET /scores/user': ok({ status: 'success', data: { scores: [] } }),
    'POST /submissions': () => new Promise((resolve) => { answer = resolve; }),
  });
  const { user } = renderApp('/');
  await screen.findByRole('heading', { level: 2, name: 'Sum' });
  await typeCode('def sum(x, y):\n    return None if x < 0 else x + y\n');
  const run = screen.getByRole('button', { name: 'Run Code' });
  await user.click(run);

  expect(run).toBeDisabled();
  expect(screen.getByText('Grading...')).toBeInTheDocument();
  expect(calls.find((c) => c.path === '/submissions')).toMatchObject({
    method: 'POST',
    authorization: 'Bearer access-1',
    body: { exercise_id: 1, code: 'def sum(x, y):\n    return None if x < 0 else x + y\n' },
  });

  await act(async () => answer({ status: 201, body: { status: 'success', data: failedRun } }));
  expect(await screen.findByText('Incorrect!')).toBeInTheDocument();
  expect(screen.queryByText('Grading...')).not.toBeInTheDocument();
  expect(run).toBeEnabled();
  expect(screen.getByText('2 of 5 tests passed.')).toBeInTheDocument();
  const failedRow = screen.getByRole('rowheader', { name: 'adds negatives' }).closest('tr')!;
  expect(within(failedRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['sum(-4, 1)', '✗ failed', '-3', 'None']);
  const wordsRow = screen.getByRole('rowheader', { name: 'adds words' }).closest('tr')!;
  expect(within(wordsRow).getByText("'ab'")).toBeInTheDocument();
  expect(within(wordsRow).getByText('TypeError: bad operand')).toBeInTheDocument();
  const passedRow = screen.getByRole('rowheader', { name: 'adds small numbers' }).closest('tr')!;
  expect(within(passedRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['sum(2, 3)', '✓ passed', '5', '5']);
  expect(screen.getByText('debug line')).toBeInTheDocument();
});

test('hidden tests show only passed or failed, numbered, with a note that their details stay secret', async () => {
  await runCode({ status: 201, body: { status: 'success', data: failedRun } });
  expect(await screen.findByText('Incorrect!')).toBeInTheDocument();
  const first = screen.getByRole('rowheader', { name: 'Hidden test 1' }).closest('tr')!;
  expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['', '✓ passed', '', '']);
  expect(first).toHaveClass('test-hidden', 'test-passed');
  const second = screen.getByRole('rowheader', { name: 'Hidden test 2' }).closest('tr')!;
  expect(within(second).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['', '✗ failed', '', '']);
  expect(screen.getByText(/Hidden tests show only whether they passed/)).toBeInTheDocument();
});

test('the exercise shows its examples with call and expected value', async () => {
  fakeApi({ 'GET /exercises': exercisesAnswer });
  renderApp('/');
  await screen.findByRole('heading', { level: 2, name: 'Sum' });
  const examples = screen.getByRole('region', { name: 'Examples' });
  expect(within(examples).getByRole('listitem')).toHaveTextContent('sum(2, 3) → 5');
  expect(within(examples).getByText(/hidden tests/)).toBeInTheDocument();
});

test('a passing run says Correct! and marks the exercise solved in the list', async () => {
  signIn();
  let solved = false;
  fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': exercisesAnswer,
    'GET /scores/user': () => ok({ status: 'success', data: { scores: solved ? [{ id: 1, user_id: 1, exercise_id: 1, solved: true, attempts: 1, first_solved_at: 'x', updated_at: 'x' }] : [] } }),
    'POST /submissions': () => {
      solved = true;
      return { status: 201, body: { status: 'success', data: passedRun } };
    },
  });
  const { user } = renderApp('/exercise/1');
  await screen.findByRole('heading', { level: 2, name: 'Sum' });
  expect(screen.queryByText('✓ Solved')).not.toBeInTheDocument();
  await typeCode('def sum(x, y):\n    return x + y\n');
  await user.click(screen.getByRole('button', { name: 'Run Code' }));
  expect(await screen.findByText('Correct!')).toBeInTheDocument();
  expect(await screen.findByText('✓ Solved')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /^Sum ?\(solved\)$/ })).toBeInTheDocument();
});

test.each([
  ['timeout', 'Your code took too long and was stopped.'],
  ['memory_limit', 'Your code used more memory than allowed and was stopped.'],
  ['output_limit', 'Your code printed more output than allowed, so it was stopped.'],
  ['error', 'Your code stopped with an error'],
])('a %s verdict is explained in plain words', async (verdict, words) => {
  const stopped = { ...failedRun, verdict, results: [], output_truncated: verdict === 'output_limit' };
  await runCode({ status: 201, body: { status: 'success', data: stopped } });
  expect(await screen.findByText('Incorrect!')).toBeInTheDocument();
  expect(screen.getByText((text) => text.startsWith(words))).toBeInTheDocument();
});

test('a stopped run without results or output fields (omitted when empty) still shows its verdict', async () => {
  const stopped = { id: 9, exercise_id: 1, verdict: 'timeout', passed: false, duration_ms: 5000, created_at: 'x' };
  await runCode({ status: 201, body: { status: 'success', data: stopped } });
  expect(await screen.findByText('Incorrect!')).toBeInTheDocument();
  expect(screen.getByText(/took too long and was stopped/)).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

test('a busy grader is a friendly message and the button comes back', async () => {
  const message = 'The grader is busy. Please try again in a moment.';
  await runCode({ status: 503, body: { status: 'error', message } });
  expect(await screen.findByRole('alert')).toHaveTextContent('The grader is busy. Please try again in a moment.');
  expect(screen.getByRole('button', { name: 'Run Code' })).toBeEnabled();
});

test('the exercises list failing to load shows a message instead of a blank page', async () => {
  fakeApi({ 'GET /exercises': { status: 500, body: { status: 'error', message: 'boom' } } });
  renderApp('/');
  expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again in a moment.');
});

test('over its share of the grader, the learner reads the service\'s own 429 message', async () => {
  const message = 'You already have 2 submissions being graded. Wait for one to finish, then submit again.';
  await runCode({ status: 429, body: { status: 'fail', message } });
  expect(await screen.findByRole('alert')).toHaveTextContent(message);
  expect(screen.getByRole('button', { name: 'Run Code' })).toBeEnabled();
});

test('a 429 without a message still explains itself', async () => {
  await runCode({ status: 429 });
  expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please wait a minute and try again.');
});
