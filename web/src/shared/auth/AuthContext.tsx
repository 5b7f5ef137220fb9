// The signed-in user, from GET /api/auth/me, shared through React Query so any page can read it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, login as apiLogin, logout as apiLogout } from '../../features/auth/api/auth';
import type { Session, User } from '../api/types';

export const SESSION_KEY = ['session'] as const;

interface AuthValue {
  user: User | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<User | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: 1,
  });

  const loginMutation = useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => apiLogin(username, password),
    onSuccess: (s) => {
      qc.setQueryData<Session>(SESSION_KEY, s);
    },
  });

  const logoutMutation = useMutation({
    mutationFn: apiLogout,
    onSettled: () => {
      qc.setQueryData<Session>(SESSION_KEY, { user: null, csrfToken: null });
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });

  const value = useMemo<AuthValue>(
    () => ({
      user: session.data?.user ?? null,
      loading: session.isPending,
      login: async (username, password) => (await loginMutation.mutateAsync({ username, password })).user,
      logout: () => logoutMutation.mutateAsync(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session.data, session.isPending],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
