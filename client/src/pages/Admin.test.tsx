import { screen, waitFor } from '@testing-library/react';
import { ADMIN, EXERCISES, MICHAEL, fakeApi, ok, signIn, statusOf } from '../test/fakeApi';
import { renderApp } from '../test/render';

type User = ReturnType<typeof renderApp>['user'];

/** Focus and paste: typing long code character by character is slow in jsdom and tests nothing more. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillForm(user: User) {
  await fill(user, await screen.findByLabelText('Title'), 'Double');
  await fill(user, screen.getByLabelText('Prompt (markdown)'), 'Define `double(n)`.');
  await fill(user, screen.getByLabelText('Starter code'), 'def double(n):');
  await fill(user, screen.getByLabelText('Test 1 name'), 'doubles two');
  await fill(user, screen.getByLabelText('Test 1 call'), 'double(2)');
  await fill(user, screen.getByLabelText('Test 1 expected'), '4');
  await user.click(screen.getByRole('button', { name: 'Add a test' }));
  await fill(user, screen.getByLabelText('Test 2 name'), 'doubles zero');
  await fill(user, screen.getByLabelText('Test 2 call'), 'double(0)');
  await fill(user, screen.getByLabelText('Test 2 expected'), '0');
  await fill(user, screen.getByLabelText('Reference solution'), 'def double(n): return n * 2');
}

/** An admin on the new-exercise form, filled in; the API accepts the exercise. */
async function createExercise() {
  signIn();
  const { calls } = fakeApi({
    'GET /auth/status': statusOf(ADMIN),
    'GET /exercises': ok({ status: 'success', data: { exercises: EXERCISES } }),
    'POST /exercises': { status: 201, body: { status: 'success', message: 'New exercise was added!', data: { id: 3 } } },
  });
  const { user } = renderApp('/admin/exercises/new');
  await fillForm(user);
  return { calls, user };
}

test('an admin creates an exercise with its tests and solution', async () => {
  const { calls, user } = await createExercise();
  await user.click(screen.getByRole('button', { name: 'Create exercise' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('New exercise was added!');
  expect(calls.find((c) => c.method === 'POST' && c.path === '/exercises')).toMatchObject({
    authorization: 'Bearer access-1',
    body: {
      title: 'Double',
      body: 'Define `double(n)`.',
      language: 'python',
      starter_code: 'def double(n):',
      tests: [
        { name: 'doubles two', call: 'double(2)', expected: 4, hidden: false },
        { name: 'doubles zero', call: 'double(0)', expected: 0, hidden: true },
      ],
      float_tolerance: 0,
      solution: 'def double(n): return n * 2',
    },
  });
});

test("the server's validation errors are shown next to the form", async () => {
  signIn();
  fakeApi({
    'GET /auth/status': statusOf(ADMIN),
    'POST /exercises': { status: 400, body: {
      status: 'fail', message: 'The solution fails its own test "doubles two": expected 4, got 5.',
      errors: [{ field: 'solution', message: 'must pass every test' }],
    } },
  });
  const { user } = renderApp('/admin/exercises/new');
  await fillForm(user);
  await user.click(screen.getByRole('button', { name: 'Create exercise' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The solution fails its own test "doubles two": expected 4, got 5.');
  expect(alert).toHaveTextContent('solution: must pass every test');
  expect(screen.getByLabelText('Title')).toHaveValue('Double');
});

test('editing loads the exercise with its tests and sends a PUT', async () => {
  signIn();
  const full = { ...EXERCISES[0], tests: [{ name: 't1', call: 'sum(2, 3)', expected: 5, hidden: false }, { name: 't2', call: "greet('a')", expected: 'hi a', hidden: true }], solution: 'def sum(x, y): return x + y' };
  const { calls } = fakeApi({
    'GET /auth/status': statusOf(ADMIN),
    'GET /exercises/1': ok({ status: 'success', data: full }),
    'PUT /exercises/1': ok({ status: 'success', message: 'Exercise was updated.', data: full }),
    'GET /exercises': ok({ status: 'success', data: { exercises: [full] } }),
  });
  const { user } = renderApp('/admin/exercises/1/edit');
  expect(await screen.findByLabelText('Test 1 call')).toHaveValue('sum(2, 3)');
  expect(screen.getByLabelText('Test 1 expected')).toHaveValue('5');
  expect(screen.getByLabelText('Test 2 expected')).toHaveValue('"hi a"');
  expect(screen.getByLabelText('Test 1 hidden')).not.toBeChecked();
  expect(screen.getByLabelText('Test 2 hidden')).toBeChecked();
  await user.clear(screen.getByLabelText('Title'));
  await fill(user, screen.getByLabelText('Title'), 'Sum two numbers');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Exercise was updated.');
  expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ title: 'Sum two numbers', solution: full.solution, tests: full.tests });
});

test('a new test is hidden by default; the checkbox makes it an example; the float tolerance is sent', async () => {
  const { calls, user } = await createExercise();
  expect(screen.getByLabelText('Test 1 hidden')).not.toBeChecked();
  expect(screen.getByLabelText('Test 2 hidden')).toBeChecked();
  await user.click(screen.getByLabelText('Test 2 hidden'));
  await user.clear(screen.getByLabelText('Float tolerance'));
  await fill(user, screen.getByLabelText('Float tolerance'), '0.001');
  await user.click(screen.getByRole('button', { name: 'Create exercise' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
  const body = calls.find((c) => c.method === 'POST' && c.path === '/exercises')?.body as { tests: unknown[]; float_tolerance: number };
  expect(body.tests).toMatchObject([{ hidden: false }, { hidden: false }]);
  expect(body.float_tolerance).toBe(0.001);
});

test('a learner cannot open the admin pages', async () => {
  signIn();
  fakeApi({ 'GET /auth/status': statusOf(MICHAEL) });
  renderApp('/admin/exercises/new');
  expect(await screen.findByText('Only administrators can view this page.')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByLabelText('Title')).not.toBeInTheDocument());
});
