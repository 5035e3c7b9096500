import createClient from 'openapi-fetch';
import type { components as EvalContract, paths as EvalPaths } from './generated/eval';
import type { components as UsersContract, paths as UsersPaths } from './generated/users';
import { clearTokens, getTokens, setTokens } from './tokens';
import type { Tokens } from './tokens';

export type FieldError = EvalContract['schemas']['FieldError'];
type ErrorEnvelope = EvalContract['schemas']['Envelope_Object_'];

/** A failed call, carrying the server's message (or a friendly one when the server never answered). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: FieldError[] = [],
    readonly sessionExpired = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const MESSAGES = {
  network: 'We could not reach Dojo. Check your connection and try again.',
  server: 'Something went wrong on our side. Please try again in a moment.',
  busy: 'The service is busy right now. Please try again in a moment.',
  rateLimited: 'Too many attempts. Please wait a minute and try again.',
  sessionExpired: 'Your session has expired. Please log in again.',
} as const;

const expiryListeners = new Set<() => void>();

/** The app shows Login with a message when a session can no longer be refreshed. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

/** fetch, with "the server never answered" turned into the friendly network message. */
async function send(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    throw new ApiError(MESSAGES.network, 0);
  }
}

function authorized(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/**
 * fetch for calls made on behalf of the signed-in user: adds the access token when there is one; on a 401 refreshes
 * once and retries; if that fails too, forgets the tokens and announces the expired session (the app then shows
 * Login). Pages never see a token expire.
 */
async function sendWithSession(request: Request): Promise<Response> {
  const token = getTokens()?.authToken ?? null;
  if (!token) return send(request);
  const retry = request.clone(); // the first send consumes the body
  let response = await send(authorized(request, token));
  if (response.status !== 401) return response;
  if (await refreshSession()) response = await send(authorized(retry, getTokens()?.authToken ?? null));
  if (response.status !== 401) return response;
  clearTokens();
  expiryListeners.forEach((listener) => listener());
  throw new ApiError(MESSAGES.sessionExpired, 401, [], true);
}

/**
 * Both services' paths, typed from the committed contracts (docs/api/users.yml, docs/api/eval.yml). main serves them
 * on the page's own origin; the origin is spelt out because a Request needs an absolute URL outside a browser.
 */
type Paths = UsersPaths & EvalPaths;
const options = { baseUrl: window.location.origin, headers: { Accept: 'application/json' } };

/** Calls that never carry a token: sign-in, registration, refresh, logout (token given per call), the user list. */
export const publicApi = createClient<Paths>({ ...options, fetch: send });
/** Calls that carry the session when there is one (see sendWithSession). */
export const sessionApi = createClient<Paths>({ ...options, fetch: sendWithSession });

/** What an openapi-fetch call resolves to. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function errorFor(status: number, body: ErrorEnvelope | null, explains429: boolean): ApiError {
  if (status === 429) return new ApiError((explains429 && body?.message) || MESSAGES.rateLimited, status);
  if (status >= 500 && status !== 503) return new ApiError(MESSAGES.server, status);
  if (status === 503) return new ApiError(body?.message || MESSAGES.busy, status);
  return new ApiError(body?.message || MESSAGES.server, status, body?.errors ?? []);
}

/**
 * The success envelope of a call, or an ApiError in friendly words. `explains429`: the service's own 429 message
 * says what to do (grading: "You already have 2 submissions being graded…").
 */
export async function unwrap<T>(call: Promise<Answer<T>>, { explains429 = false } = {}): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(MESSAGES.server, 0); // e.g. an HTML page from a proxy where JSON was due
  }
  const { data, error, response } = answer;
  if (response.ok && data !== undefined) return data;
  const body = typeof error === 'object' && error !== null ? (error as ErrorEnvelope) : null;
  throw errorFor(response.status, body, explains429);
}

/** The `data` of a success envelope that must carry one. */
export function dataOf<T>(envelope: { data?: T | null }): T {
  if (envelope.data === undefined || envelope.data === null) throw new ApiError(MESSAGES.server, 200);
  return envelope.data;
}

/** A token pair from a register, login or refresh answer. */
export async function tokensFrom(call: Promise<Answer<UsersContract['schemas']['TokenResponse']>>): Promise<Tokens> {
  const answer = await unwrap(call);
  return { authToken: answer.auth_token ?? '', refreshToken: answer.refresh_token ?? null };
}

/** A fresh pair for a refresh token, or null when it was refused (or the server could not be reached). */
async function exchange(refreshToken: string): Promise<Tokens | null> {
  try {
    const tokens = await tokensFrom(publicApi.POST('/auth/refresh', { body: { refresh_token: refreshToken } }));
    return tokens.authToken ? { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken } : null;
  } catch {
    return null;
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new pair. Concurrent 401s share one refresh: refresh tokens rotate,
 * so a second parallel refresh with the same (now revoked) token would end the session.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function doRefresh(): Promise<boolean> {
  const refreshToken = getTokens()?.refreshToken;
  const tokens = refreshToken ? await exchange(refreshToken) : null;
  if (tokens) setTokens(tokens);
  return tokens !== null;
}

/**
 * Revokes a session at the API after the UI already forgot it (so leaving is instant and a reload cannot bring it
 * back). An expired access token is first exchanged with the refresh token, so the revocation still reaches users.
 */
export async function revokeSession(tokens: Tokens): Promise<void> {
  const logout = (token: string) =>
    publicApi.GET('/auth/logout', { headers: { Authorization: `Bearer ${token}` } });
  try {
    const { response } = await logout(tokens.authToken);
    if (response.status !== 401 || !tokens.refreshToken) return;
    const fresh = await exchange(tokens.refreshToken);
    if (fresh) await logout(fresh.authToken);
  } catch {
    // Best effort: the user is signed out here either way.
  }
}

/** The friendly text for anything a call may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return MESSAGES.server;
}
