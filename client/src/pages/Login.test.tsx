import { screen } from '@testing-library/react';
import { ok, signInApi } from '../test/fakeApi';
import { renderApp } from '../test/render';

const routes = (answer: unknown) => signInApi('POST /auth/login', answer);

const rules = () => Array.from(document.querySelectorAll('.validation-list > li'));

async function fillIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Submit' }));
}

test('the rules switch from error to success while typing', async () => {
  routes(ok({}));
  const { user } = renderApp('/login');
  expect(screen.getByRole('heading', { level: 1, name: 'Login' })).toBeInTheDocument();
  expect(rules().map((li) => li.className)).toEqual(['error', 'error']);
  expect(rules().map((li) => li.textContent)).toEqual(['Email is required.', 'Password is required.']);
  expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await user.type(screen.getByLabelText('Email'), 'm');
  expect(rules().map((li) => li.className)).toEqual(['success', 'error']);
  await user.type(screen.getByLabelText('Password'), 't');
  expect(rules().map((li) => li.className)).toEqual(['success', 'success']);
  expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
});

test('good credentials say Welcome! and sign in', async () => {
  const { calls } = routes(ok({ status: 'success', message: 'Successfully logged in.', auth_token: 'a1', refresh_token: 'r1' }));
  const { user } = renderApp('/login');
  await fillIn(user, 'michael@realpython.com', 'test');
  expect(await screen.findByRole('heading', { level: 1, name: 'Exercises' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('Welcome!');
  expect(calls.find((c) => c.path === '/auth/login')?.body).toEqual({ email: 'michael@realpython.com', password: 'test' });
  expect(screen.getByRole('link', { name: 'User Status' })).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Log In' })).not.toBeInTheDocument();
});

test('a wrong email or password flashes "User does not exist."', async () => {
  routes({ status: 401, body: { status: 'fail', message: 'User does not exist.' } });
  const { user } = renderApp('/login');
  await fillIn(user, 'nobody@dojo.dev', 'wrong');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('User does not exist.');
  expect(alert).toHaveClass('alert-danger');
  expect(window.localStorage.getItem('authToken')).toBeNull();
});

test('rate limiting is explained in plain words', async () => {
  routes({ status: 429, body: { status: 'fail', message: 'Too many requests.' } });
  const { user } = renderApp('/login');
  await fillIn(user, 'michael@realpython.com', 'wrong');
  expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please wait a minute and try again.');
});
