import { screen, waitFor } from '@testing-library/react';
import { signInApi } from '../test/fakeApi';
import { renderApp } from '../test/render';

const registered = { status: 201, body: { status: 'success', message: 'Successfully registered.', auth_token: 'a1', refresh_token: 'r1' } };

const routes = (answer: unknown) => signInApi('POST /auth/register', answer);

const rules = () => Array.from(document.querySelectorAll('.validation-list > li'));
const submit = () => screen.getByRole('button', { name: 'Submit' });

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], username: string, email: string, password: string) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(submit());
}

test('submit stays disabled and every rule is an error until all rules pass', async () => {
  routes(registered);
  const { user } = renderApp('/register');
  expect(screen.getByRole('heading', { level: 1, name: 'Register' })).toBeInTheDocument();
  expect(submit()).toBeDisabled();
  expect(rules().map((li) => [li.className, li.textContent])).toEqual([
    ['error', 'Username must be greater than 5 characters.'],
    ['error', 'Email must be greater than 5 characters.'],
    ['error', 'Email must be a valid email address.'],
    ['error', 'Password must be greater than 10 characters.'],
  ]);

  await user.type(screen.getByLabelText('Username'), 'michael');
  expect(rules()[0]).toHaveClass('success');
  await user.type(screen.getByLabelText('Email'), 'michael');
  expect(rules()[1]).toHaveClass('success');
  expect(rules()[2]).toHaveClass('error');
  await user.type(screen.getByLabelText('Email'), '@dojo.dev');
  expect(rules()[2]).toHaveClass('success');
  await user.type(screen.getByLabelText('Password'), 'short');
  expect(rules()[3]).toHaveClass('error');
  expect(submit()).toBeDisabled();
  await user.type(screen.getByLabelText('Password'), '-but-now-long');
  expect(rules().every((li) => li.className === 'success')).toBe(true);
  expect(submit()).toBeEnabled();
});

test('a successful registration stores the tokens, says Welcome! and lands on Exercises', async () => {
  const { calls } = routes(registered);
  const { user } = renderApp('/register');
  await fillAndSubmit(user, 'newlearner', 'new@dojo.dev', 'long-enough-password');

  expect(await screen.findByRole('heading', { level: 1, name: 'Exercises' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('Welcome!');
  expect(screen.getByRole('alert')).toHaveClass('alert-success');
  expect(window.localStorage.getItem('authToken')).toBe('a1');
  expect(window.localStorage.getItem('refreshToken')).toBe('r1');
  expect(calls.find((c) => c.path === '/auth/register')?.body).toEqual({
    username: 'newlearner', email: 'new@dojo.dev', password: 'long-enough-password',
  });
  expect(screen.getByRole('link', { name: 'Log Out' })).toBeInTheDocument();
});

test('a name typed or pasted in decomposed form is sent composed (NFC), the password as typed', async () => {
  const { calls } = routes(registered);
  const { user } = renderApp('/register');
  await fillAndSubmit(user, 'learne\u0301e', 'learne\u0301e@dojo.dev', 'pa\u0301ssword-long');

  expect(await screen.findByRole('heading', { level: 1, name: 'Exercises' })).toBeInTheDocument();
  expect(calls.find((c) => c.path === '/auth/register')?.body).toEqual({
    username: 'learn\u00e9e', email: 'learn\u00e9e@dojo.dev', password: 'pa\u0301ssword-long',
  });
});

test('a taken username or email flashes "That user already exists." and keeps the form', async () => {
  routes({ status: 400, body: { status: 'fail', message: 'Sorry. That user already exists.' } });
  const { user } = renderApp('/register');
  await fillAndSubmit(user, 'michael', 'michael@realpython.com', 'greaterthanten');

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('That user already exists.');
  expect(alert).toHaveClass('alert-danger');
  expect(screen.getByRole('heading', { level: 1, name: 'Register' })).toBeInTheDocument();
  expect(window.localStorage.getItem('authToken')).toBeNull();
  await waitFor(() => expect(submit()).toBeEnabled());
});

test('a refused field flashes why, after the server\'s message', async () => {
  routes({ status: 400, body: { status: 'fail', message: 'Invalid payload.', errors: [
    { field: 'username', message: 'must not begin or end with a space or hold two spaces in a row' }] } });
  const { user } = renderApp('/register');
  await fillAndSubmit(user, 'michael ', 'michael@realpython.com', 'greaterthanten');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Invalid payload. Username must not begin or end with a space or hold two spaces in a row.');
  expect(window.localStorage.getItem('authToken')).toBeNull();
});

test('a server that cannot be reached gets a friendly message, not a blank page', async () => {
  routes('network-error');
  const { user } = renderApp('/register');
  await fillAndSubmit(user, 'newlearner', 'new@dojo.dev', 'long-enough-password');
  expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Dojo. Check your connection and try again.');
});
