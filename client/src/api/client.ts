import { clearTokens, getTokens, setTokens } from './tokens';

export interface FieldError {
  field: string;
  message: string;
}

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

type AuthMode = 'none' | 'optional' | 'required';

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** none: never send the token; optional/required: send it when signed in, refresh it on a 401. */
  auth?: AuthMode;
  /** Do not announce an expired session. */
  quiet?: boolean;
  /** The service's own 429 message says what to do (grading: "You already have 2 submissions being graded…"). */
  explains429?: boolean;
}

export interface Envelope<T> {
  status: 'success' | 'fail' | 'error';
  message?: string;
  data?: T;
  errors?: FieldError[];
  auth_token?: string;
  refresh_token?: string;
}

const expiryListeners = new Set<() => void>();

/** The app shows Login with a message when a session can no longer be refreshed. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
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
  if (!refreshToken) return false;
  try {
    const response = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as Envelope<unknown>;
    if (!body.auth_token) return false;
    setTokens({ authToken: body.auth_token, refreshToken: body.refresh_token ?? refreshToken });
    return true;
  } catch {
    return false;
  }
}

/**
 * Revokes a session at the API after the UI already forgot it (so leaving is instant and a reload cannot bring it
 * back). An expired access token is first exchanged with the refresh token, so the revocation still reaches users.
 */
export async function revokeSession(tokens: { authToken: string; refreshToken: string | null }): Promise<void> {
  const logout = (token: string) => send('/auth/logout', {}, token);
  try {
    const response = await logout(tokens.authToken);
    if (response.status !== 401 || !tokens.refreshToken) return;
    const refreshed = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refresh_token: tokens.refreshToken }),
    });
    const body = refreshed.ok ? ((await refreshed.json()) as Envelope<unknown>) : null;
    if (body?.auth_token) await logout(body.auth_token);
  } catch {
    // Best effort: the user is signed out here either way.
  }
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(MESSAGES.network, 0);
  }
}

async function readEnvelope<T>(response: Response): Promise<Envelope<T> | null> {
  try {
    return (await response.json()) as Envelope<T>;
  } catch {
    return null; // an HTML error page from a proxy, or an empty body
  }
}

function errorFor(response: Response, body: Envelope<unknown> | null, options: RequestOptions): ApiError {
  const status = response.status;
  if (status === 429) return new ApiError((options.explains429 && body?.message) || MESSAGES.rateLimited, status);
  if (status >= 500 && status !== 503) return new ApiError(MESSAGES.server, status);
  if (status === 503) return new ApiError(body?.message || MESSAGES.busy, status);
  return new ApiError(body?.message || MESSAGES.server, status, body?.errors ?? []);
}

/** Calls the API through main (same origin) and returns the whole envelope, or throws an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<Envelope<T>> {
  const auth = options.auth ?? 'none';
  const token = auth === 'none' ? null : (getTokens()?.authToken ?? null);
  let response = await send(path, options, token);

  if (response.status === 401 && token) {
    if (await refreshSession()) {
      response = await send(path, options, getTokens()?.authToken ?? null);
    }
    if (response.status === 401) {
      clearTokens();
      if (!options.quiet) expiryListeners.forEach((listener) => listener());
      throw new ApiError(MESSAGES.sessionExpired, 401, [], true);
    }
  }

  const body = await readEnvelope<T>(response);
  if (!response.ok || !body) throw errorFor(response, body, options);
  return body;
}

/** The friendly text for anything a call may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return MESSAGES.server;
}
