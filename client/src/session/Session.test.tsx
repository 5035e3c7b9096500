import { screen, waitFor } from '@testing-library/react';
import { ADMIN, MICHAEL, fakeApi, ok, signIn, statusOf } from '../test/fakeApi';
import { renderApp } from '../test/render';

const expired = { status: 401, body: { status: 'fail', message: 'Signature expired. Please log in again.' } };

test('an expired access token is refreshed transparently and the call retried', async () => {
  signIn('old-access', 'refresh-1');
  const { calls } = fakeApi({
    'GET /auth/status': (call) => (call.authorization === 'Bearer new-access' ? statusOf(MICHAEL) : expired),
    'POST /auth/refresh': ok({ status: 'success', message: 'ok', auth_token: 'new-access', refresh_token: 'refresh-2' }),
  });
  renderApp('/status');
  expect(await screen.findByText('michael@realpython.com')).toBeInTheDocument();
  expect(screen.getByText('User ID:')).toBeInTheDocument();
  expect(screen.getByText('Username:')).toBeInTheDocument();
  expect(window.localStorage.getItem('authToken')).toBe('new-access');
  expect(window.localStorage.getItem('refreshToken')).toBe('refresh-2');
  // Two 401s at once (navbar profile + Status page) share one refresh: refresh tokens rotate.
  expect(calls.filter((c) => c.path === '/auth/refresh')).toHaveLength(1);
  expect(calls.find((c) => c.path === '/auth/refresh')?.body).toEqual({ refresh_token: 'refresh-1' });
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('a session that cannot be refreshed ends on Login with a message', async () => {
  signIn('old-access', 'revoked');
  fakeApi({
    'GET /auth/status': expired,
    'POST /auth/refresh': { status: 401, body: { status: 'fail', message: 'Invalid token. Please log in again.' } },
  });
  renderApp('/status');
  expect(await screen.findByRole('heading', { level: 1, name: 'Login' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('Your session has expired. Please log in again.');
  expect(window.localStorage.getItem('authToken')).toBeNull();
  expect(screen.getByRole('link', { name: 'Log In' })).toBeInTheDocument();
});

test('the navbar follows the signed-in state; Admin only for admins', async () => {
  fakeApi({ 'GET /auth/status': statusOf(ADMIN), 'GET /exercises': ok({ status: 'success', data: { exercises: [] } }) });
  const { unmount } = renderApp('/about');
  expect(screen.getByRole('heading', { level: 1, name: 'About' })).toBeInTheDocument();
  const nav = () => screen.getAllByRole('link').map((a) => a.textContent);
  expect(nav()).toEqual(expect.arrayContaining(['Dojo', 'About', 'Users', 'Register', 'Log In']));
  expect(nav()).not.toContain('User Status');
  expect(nav()).not.toContain('Log Out');
  unmount();

  signIn();
  renderApp('/about');
  expect(await screen.findByRole('link', { name: 'Admin' })).toBeInTheDocument();
  expect(nav()).toEqual(expect.arrayContaining(['About', 'Users', 'User Status', 'My progress', 'Log Out']));
  expect(nav()).not.toContain('Log In');
  expect(nav()).not.toContain('Register');
});

test('a learner sees no Admin link', async () => {
  signIn();
  fakeApi({ 'GET /auth/status': statusOf(MICHAEL) });
  renderApp('/about');
  await screen.findByRole('link', { name: 'Log Out' });
  await waitFor(() => expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument());
});

test('Status signed out asks to log in', () => {
  fakeApi({});
  renderApp('/status');
  expect(screen.getByText(/You must be logged in to view this\./)).toBeInTheDocument();
});

test('Logout revokes the session at the API and forgets the tokens', async () => {
  signIn('access-9', 'refresh-9');
  const { calls } = fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /auth/logout': ok({ status: 'success', message: 'Successfully logged out.' }),
  });
  renderApp('/logout');
  expect(screen.getByText(/You are now logged out\./)).toHaveTextContent('You are now logged out. Click here to log back in.');
  expect(screen.getByRole('link', { name: 'here' })).toHaveAttribute('href', '/login');
  await waitFor(() => expect(window.localStorage.getItem('authToken')).toBeNull());
  expect(calls.find((c) => c.path === '/auth/logout')?.authorization).toBe('Bearer access-9');
  expect(await screen.findByRole('link', { name: 'Log In' })).toBeInTheDocument();
});

test('Logout with an expired access token refreshes once to revoke the session', async () => {
  signIn('expired-access', 'refresh-7');
  const { calls } = fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /auth/logout': (call) => (call.authorization === 'Bearer fresh-access'
      ? ok({ status: 'success', message: 'Successfully logged out.' })
      : { status: 401, body: { status: 'fail', message: 'Signature expired. Please log in again.' } }),
    'POST /auth/refresh': ok({ status: 'success', message: 'ok', auth_token: 'fresh-access', refresh_token: 'refresh-8' }),
  });
  renderApp('/logout');
  expect(window.localStorage.getItem('authToken')).toBeNull();
  await waitFor(() => expect(calls.filter((c) => c.path === '/auth/logout')).toHaveLength(2));
  expect(calls.find((c) => c.path === '/auth/refresh')?.body).toEqual({ refresh_token: 'refresh-7' });
  expect(window.localStorage.getItem('authToken')).toBeNull();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('All Users lists id, username and email', async () => {
  fakeApi({
    'GET /users': ok({ status: 'success', data: { users: [
      { id: 2, username: 'michaelherman', email: 'michael@mherman.org', created_at: 'x' },
      { id: 1, username: 'michael', email: 'michael@realpython.com', created_at: 'x' },
    ] } }),
  });
  renderApp('/all-users');
  expect(screen.getByRole('heading', { level: 1, name: 'All Users' })).toBeInTheDocument();
  expect(await screen.findByRole('cell', { name: 'michaelherman' })).toBeInTheDocument();
  expect(screen.getAllByRole('row')).toHaveLength(3);
  expect(screen.getByRole('cell', { name: 'michael@realpython.com' })).toBeInTheDocument();
});

test('an unknown route says so and links back', () => {
  fakeApi({});
  renderApp('/nowhere');
  expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
});

test('following a link moves focus to the new page', async () => {
  fakeApi({ 'GET /users': ok({ status: 'success', data: { users: [] } }) });
  const { user } = renderApp('/about');
  await user.click(screen.getByRole('link', { name: 'Users' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'All Users' })).toBeInTheDocument();
  expect(document.activeElement).toBe(document.getElementById('main'));
});
