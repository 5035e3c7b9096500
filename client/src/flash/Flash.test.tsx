import { act, fireEvent, render, screen } from '@testing-library/react';
import { FLASH_MILLIS, FlashMessages, FlashProvider, useFlash } from './FlashContext';

function Buttons() {
  const flash = useFlash();
  return (
    <>
      <button onClick={() => flash.show('First', 'success')}>first</button>
      <button onClick={() => flash.show('Second', 'danger')}>second</button>
    </>
  );
}

function renderFlash() {
  render(
    <FlashProvider>
      <FlashMessages />
      <Buttons />
    </FlashProvider>,
  );
}

afterEach(() => vi.useRealTimers());

test('a message shows as an alert and the close × removes it', () => {
  renderFlash();
  fireEvent.click(screen.getByText('first'));
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('First');
  expect(alert).toHaveClass('alert', 'alert-success');
  fireEvent.click(screen.getByRole('button', { name: 'Close' }));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('a newer message replaces the old one', () => {
  renderFlash();
  fireEvent.click(screen.getByText('first'));
  fireEvent.click(screen.getByText('second'));
  const alerts = screen.getAllByRole('alert');
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toHaveTextContent('Second');
  expect(alerts[0]).toHaveClass('alert-danger');
});

test('a message hides itself after 3 seconds, counted from the newest one', () => {
  vi.useFakeTimers();
  renderFlash();
  fireEvent.click(screen.getByText('first'));
  act(() => vi.advanceTimersByTime(FLASH_MILLIS - 1000));
  fireEvent.click(screen.getByText('second'));
  act(() => vi.advanceTimersByTime(FLASH_MILLIS - 1));
  expect(screen.getByRole('alert')).toHaveTextContent('Second');
  act(() => vi.advanceTimersByTime(1));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(FLASH_MILLIS).toBe(3000);
});
