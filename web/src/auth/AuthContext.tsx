import { AbilityProvider } from '@casl/react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { abilityFromPacked, noAbility, type AppAbility } from '../access/ability';
import { authApi } from '../api/auth';
import { refreshSession } from '../api/http';
import { session } from '../api/session';
import type { Me } from '../api/types';
import { ReloginModal } from './ReloginModal';

type Status = 'loading' | 'anonymous' | 'ready';

interface AuthValue {
  status: Status;
  me: Me | null;
  ability: AppAbility;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  reloadMe(): Promise<Me | null>;
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

  const reloadMe = useCallback(async (): Promise<Me | null> => {
    const fresh = await authApi.me();
    setMe(fresh);
    setStatus('ready');
    return fresh;
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout();
    setMe(null);
    setStatus('anonymous');
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
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

  const value = useMemo(
    () => ({ status, me, ability, signIn, signOut, reloadMe }),
    [status, me, ability, signIn, signOut, reloadMe],
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
