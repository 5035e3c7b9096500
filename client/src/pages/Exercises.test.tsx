import { screen, waitFor } from '@testing-library/react';
import { EXERCISES, MICHAEL, fakeApi, ok, signIn, statusOf } from '../test/fakeApi';
import { renderApp } from '../test/render';

test('probe: codemirror renders starter code in jsdom', async () => {
  signIn();
  fakeApi({
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': ok({ status: 'success', data: { exercises: EXERCISES } }),
    'GET /scores/user': ok({ status: 'success', data: { scores: [] } }),
  });
  renderApp('/');
  await screen.findByRole('heading', { name: 'Sum' });
  await waitFor(() => expect(document.querySelector('.cm-content')).not.toBeNull());
  expect(document.querySelector('.cm-content')!.textContent).toContain('def sum(x, y):');
});
