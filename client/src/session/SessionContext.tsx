import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { api } from '../api/dojo';
import type { CurrentUser, TokenResponse } from '../api/dojo';
import { revokeSession } from '../api/client';
import { clearTokens, getAuthToken, getTokens, setTokens, subscribeTokens } from '../api/tokens';

interface Session {
  signedIn: boolean;
  /** The signed-in user's profile, once /auth/status answered (null while loading or signed out). */
  user: CurrentUser | null;
  signIn: (tokens: TokenResponse) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeTokens, getAuthToken, () => null);
  const signedIn = token !== null;
  const [user, setUser] = useState<CurrentUser | null>(null);

  // Load the profile once per sign-in (not per token refresh: the user is the same).
  useEffect(() => {
    // getAuthToken() too: on /logout the page's own effect (children run first) has cleared the tokens already,
    // and asking /auth/status then only earns a 401 in the console
    if (!signedIn || getAuthToken() === null) {
      setUser(null);
      return;
    }
    let cancelled = false;
    api
      .status()
      .then((profile) => !cancelled && setUser(profile))
      .catch(() => !cancelled && setUser(null));
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  const signIn = useCallback((tokens: TokenResponse) => {
    setTokens({ authToken: tokens.authToken, refreshToken: tokens.refreshToken });
  }, []);

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
