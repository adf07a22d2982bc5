import { AbilityProvider } from '@casl/react';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { abilityFromPacked, noAbility, type AppAbility } from '../access/ability';
import { authApi } from '../api/auth';
import { refreshSession } from '../api/http';
import { session } from '../api/session';
import type { Me } from '../api/types';
import { ReloginModal } from './ReloginModal';

type Status = 'loading' | 'anonymous' | 'ready';

/** Coming back to the tab reloads the account at most this often. */
const FOCUS_REFRESH_MS = 30_000;

interface AuthValue {
  status: Status;
  me: Me | null;
  ability: AppAbility;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  reloadMe(): Promise<Me | null>;
  /**
   * Reloads the account and its ability in the background when something may have changed them (a
   * new notification: an order verified or activated, a grant revoked). Calls while one is running
   * make one more afterwards; errors are ignored (the next request will tell).
   */
  refreshMe(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in account and its ability; also the sign-in-again dialog when a session ends. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [relogin, setRelogin] = useState<{ resolve: () => void; reject: (e: Error) => void } | null>(null);

  const ability = useMemo(() => (me ? abilityFromPacked(me.rules) : noAbility()), [me]);
  // When the account was last asked for, and the background refresh in flight (with one queued).
  const loadedAt = useRef(0);
  const refreshing = useRef<{ again: boolean } | null>(null);
  const ready = useRef(false);
  useEffect(() => {
    ready.current = status === 'ready';
  }, [status]);

  /** The same account and rules keep the same object: no re-render, no new ability. */
  const keepIfSame = useCallback((fresh: Me) => {
    setMe((prev) => (prev && JSON.stringify(prev) === JSON.stringify(fresh) ? prev : fresh));
  }, []);

  const reloadMe = useCallback(async (): Promise<Me | null> => {
    loadedAt.current = Date.now();
    const fresh = await authApi.me();
    keepIfSame(fresh);
    setStatus('ready');
    return fresh;
  }, [keepIfSame]);

  const refresh = useCallback(
    (minAgeMs: number): void => {
      if (!ready.current) return;
      if (refreshing.current) {
        if (minAgeMs === 0) refreshing.current.again = true;
        return;
      }
      if (Date.now() - loadedAt.current < minAgeMs) return;
      const run = { again: true };
      refreshing.current = run;
      void (async () => {
        while (run.again && ready.current) {
          run.again = false;
          loadedAt.current = Date.now();
          try {
            const fresh = await authApi.me();
            if (ready.current) keepIfSame(fresh);
          } catch {
            // A background refresh: the next request the user makes reports the problem.
          }
        }
        refreshing.current = null;
      })();
    },
    [keepIfSame],
  );

  const refreshMe = useCallback(() => refresh(0), [refresh]);

  const signOut = useCallback(async () => {
    await authApi.logout();
    setMe(null);
    setStatus('anonymous');
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
    loadedAt.current = Date.now();
    const fresh = await authApi.me();
    setMe(fresh);
    setStatus('ready');
    return fresh;
  }, []);

  useEffect(() => {
    // A reload keeps the tab's session: rotate the refresh token, then load the account.
    void (async () => {
      if (session.refreshToken && (await refreshSession())) {
        try {
          await reloadMe();
          return;
        } catch {
          session.clear();
        }
      }
      setStatus('anonymous');
    })();
  }, [reloadMe]);

  useEffect(() => {
    session.onExpired(() => new Promise<void>((resolve, reject) => setRelogin({ resolve, reject })));
    // A temporary password set while signed in: /api/me (still allowed) turns the console to the change page.
    session.onChangeRequired(() => void reloadMe().catch(() => undefined));
    return () => {
      session.onExpired(null);
      session.onChangeRequired(null);
    };
  }, [reloadMe]);

  useEffect(() => {
    // Permissions change elsewhere (the province verifies the admin's order): coming back to the tab
    // picks them up without a reload, at most every FOCUS_REFRESH_MS.
    const onFocus = (): void => refresh(FOCUS_REFRESH_MS);
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh(FOCUS_REFRESH_MS);
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const value = useMemo(
    () => ({ status, me, ability, signIn, signOut, reloadMe, refreshMe }),
    [status, me, ability, signIn, signOut, reloadMe, refreshMe],
  );

  return (
    <AuthContext.Provider value={value}>
      <AbilityProvider value={ability}>
        {children}
        <ReloginModal
          open={relogin !== null}
          username={me?.username ?? session.username ?? ''}
          onSignedIn={() => {
            relogin?.resolve();
            setRelogin(null);
            // Permissions may have changed while the session was gone.
            void reloadMe().catch(() => undefined);
          }}
          onGiveUp={() => {
            relogin?.reject(new Error('signed out'));
            setRelogin(null);
            void signOut();
          }}
        />
      </AbilityProvider>
    </AuthContext.Provider>
  );
}
