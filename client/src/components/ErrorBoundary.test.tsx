import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('render bug');
}

test('a page that throws while rendering shows a message and a way back, not a blank page', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(<ErrorBoundary><Broken /></ErrorBoundary>);
  expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong while showing this page.');
  expect(screen.getByRole('link', { name: 'Back to the exercises' })).toHaveAttribute('href', '/');
  quiet.mockRestore();
});
