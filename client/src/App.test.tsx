import { renderToString } from 'react-dom/server';
import { App } from './App';

test('renders the Dojo title', () => {
  expect(renderToString(<App />)).toContain('<h1>Dojo</h1>');
});
