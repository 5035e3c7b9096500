import { vi } from 'vitest';

/**
 * A stand-in for main in component tests: routes `METHOD /path` to handlers and records every call, so tests can
 * assert what the UI sent (body, Authorization) and what it showed for each answer.
 */
export interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Answer = { status: number; body?: unknown } | 'network-error';
type Handler = (call: Call) => Answer | Promise<Answer>;

export function fakeApi(routes: Record<string, Handler | Answer>) {
  const calls: Call[] = [];
  // openapi-fetch hands fetch a Request; anything else is called as fetch(url, init)
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url);
    const body = await request.text();
    const call: Call = {
      method: request.method.toUpperCase(),
      path: url.pathname + url.search,
      body: body ? JSON.parse(body) : undefined,
      authorization: request.headers.get('Authorization'),
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`] ?? routes[`${call.method} ${url.pathname}`];
    const answer = typeof route === 'function' ? await route(call) : (route ?? { status: 404, body: { status: 'fail', message: 'Not found' } });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export const MICHAEL = {
  id: 1,
  username: 'michael',
  email: 'michael@realpython.com',
  active: true,
  admin: false,
  created_at: '2026-01-01T00:00:00Z',
};

export const ADMIN = { ...MICHAEL, id: 2, username: 'admin', email: 'admin@dojo.dev', admin: true };

export const EXERCISES = [
  {
    id: 1,
    title: 'Sum',
    body: 'Define a function called **sum** that returns the sum of two numbers.',
    language: 'python',
    starter_code: 'def sum(x, y):\n    pass\n',
    examples: [{ name: 'adds small numbers', call: 'sum(2, 3)', expected: '5' }],
    float_tolerance: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  },
  {
    id: 2,
    title: 'Reverse',
    body: 'Define a function called `reverse` that reverses a string.',
    language: 'python',
    starter_code: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  },
];

export const ok = (body: unknown) => ({ status: 200, body });
export const statusOf = (user: typeof MICHAEL) => ok({ status: 'success', data: user });

export function signIn(authToken = 'access-1', refreshToken = 'refresh-1') {
  window.localStorage.setItem('authToken', authToken);
  window.localStorage.setItem('refreshToken', refreshToken);
}

/** main around a sign-in: `answer` to the login or register call, then what the exercises page asks for. */
export function signInApi(call: 'POST /auth/login' | 'POST /auth/register', answer: unknown) {
  return fakeApi({
    [call]: answer as Answer,
    'GET /auth/status': statusOf(MICHAEL),
    'GET /exercises': ok({ status: 'success', data: { exercises: EXERCISES } }),
    'GET /scores/user': ok({ status: 'success', data: { scores: [] } }),
  });
}
