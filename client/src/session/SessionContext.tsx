import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { revokeSession } from '../api/client';
import { api } from '../api/dojo';
import type { CurrentUser } from '../api/dojo';
import { clearTokens, getAuthToken, getTokens, setTokens, subscribeTokens } from '../api/tokens';
import type { Tokens } from '../api/tokens';
import { useLoad } from '../api/useLoad';

interface Session {
  signedIn: boolean;
  /** The signed-in user's profile, once /auth/status answered (null while loading or signed out). */
  user: CurrentUser | null;
  signIn: (tokens: Tokens) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeTokens, getAuthToken, () => null);
  const signedIn = token !== null;

  // The profile, once per sign-in (not per token refresh: the user is the same). The token is read again when the
  // load starts: on /logout the page's own effect (children run first) has cleared it already, and asking
  // /auth/status then only earns a 401 in the console.
  const loadUser = () => (getAuthToken() === null ? Promise.resolve(null) : api.status());
  const profile = useLoad(signedIn ? loadUser : null, [signedIn]);
  const user = profile.error ? null : profile.data;

  const signIn = useCallback((tokens: Tokens) => setTokens(tokens), []);

  const signOut = useCallback(async () => {
    const tokens = getTokens();
    clearTokens();
    if (tokens) await revokeSession(tokens);
  }, []);

  const value = useMemo(() => ({ signedIn, user, signIn, signOut }), [signedIn, user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
