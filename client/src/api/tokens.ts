/**
 * The signed-in state is the pair of tokens in localStorage (as in the original, which kept `authToken` there).
 * Components subscribe so the navbar and pages follow sign-in, refresh and sign-out without prop drilling.
 */
export interface Tokens {
  authToken: string;
  refreshToken: string | null;
}

const AUTH_KEY = 'authToken';
const REFRESH_KEY = 'refreshToken';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode or disabled storage: behave as signed out
  }
}

export function getTokens(): Tokens | null {
  const authToken = storage()?.getItem(AUTH_KEY);
  if (!authToken) return null;
  return { authToken, refreshToken: storage()?.getItem(REFRESH_KEY) ?? null };
}

export function getAuthToken(): string | null {
  return storage()?.getItem(AUTH_KEY) ?? null;
}

export function setTokens(tokens: Tokens): void {
  storage()?.setItem(AUTH_KEY, tokens.authToken);
  if (tokens.refreshToken) storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
  else storage()?.removeItem(REFRESH_KEY);
  notify();
}

export function clearTokens(): void {
  storage()?.removeItem(AUTH_KEY);
  storage()?.removeItem(REFRESH_KEY);
  notify();
}

export function subscribeTokens(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  listeners.forEach((listener) => listener());
}
