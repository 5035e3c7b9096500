import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// API paths go to main (the edge) during `npm run dev`, so the browser sees one origin as in production.
// `/exercise/3` (singular) is a client route; `/exercises/**` is the API.
const API = ['/auth', '/users', '/ping', '/exercises', '/submissions', '/scores', '/docs', '/health'];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(API.map((path) => [path, 'http://localhost:8080'])),
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 30000,
  },
});
