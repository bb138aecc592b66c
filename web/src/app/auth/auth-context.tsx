import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, handleUnauthenticated, setCsrfToken } from '../api/client';
import type { Me } from '../api/schemas';
import { useI18n } from '../i18n/i18n-context';
import { isLocale, type Locale } from '../i18n/locale';
import { accessOf, type Access } from './access';

export interface SignInInput {
  login: string;
  password: string;
  tenant?: string;
}

interface Auth {
  /** undefined while the first /auth/me is in flight; null when signed out */
  me: Me | null | undefined;
  access: Access | null;
  signIn(input: SignInInput): Promise<Me>;
  signOut(): Promise<void>;
  /** after the server ended every session (sign out everywhere) */
  forget(): void;
  /** replace me after a call that returned it (profile update) or reload it */
  setMe(me: Me): void;
  refresh(): Promise<void>;
  /** switch the language now and save it to the profile */
  chooseLocale(locale: Locale): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [me, setMeState] = useState<Me | null | undefined>(undefined);

  const setMe = useCallback(
    (next: Me) => {
      setCsrfToken(next.csrfToken);
      // The saved language wins over the browser's; an unset one leaves the current choice alone.
      if (isLocale(next.user.locale)) setLocale(next.user.locale);
      setMeState(next);
    },
    [setLocale],
  );

  const forget = useCallback(() => {
    setCsrfToken(null);
    setMeState(null);
  }, []);

  const refresh = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/auth/me');
    if (data) setMe(data);
    else if (response.status === 401) forget();
  }, [setMe, forget]);

  useEffect(() => {
    handleUnauthenticated(forget);
    refresh().catch(() => forget());
    return () => handleUnauthenticated(undefined);
  }, [refresh, forget]);

  const signIn = useCallback(
    async (input: SignInInput) => {
      const next = await call(api.POST('/api/v1/auth/login', { body: input }));
      setMe(next);
      return next;
    },
    [setMe],
  );

  const signOut = useCallback(async () => {
    try {
      await call(api.POST('/api/v1/auth/logout'));
    } finally {
      forget();
    }
  }, [forget]);

  const chooseLocale = useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (me) setMe(await call(api.PATCH('/api/v1/auth/me', { body: { locale } })));
    },
    [me, setLocale, setMe],
  );

  const value = useMemo<Auth>(
    () => ({ me, access: me ? accessOf(me) : null, signIn, signOut, forget, setMe, refresh, chooseLocale }),
    [me, signIn, signOut, forget, setMe, refresh, chooseLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** For pages behind RequireAuth: the signed-in user and their access, never null there. */
export function useSignedIn(): { me: Me; access: Access } {
  const { me, access } = useAuth();
  if (!me || !access) throw new Error('useSignedIn outside a signed-in page');
  return { me, access };
}
