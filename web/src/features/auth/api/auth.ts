import { api, setCsrfToken } from '../../../shared/api/client';
import type { Session, User } from '../../../shared/api/types';

export async function fetchSession(): Promise<Session> {
  const s = await api.get<Session>('/api/auth/me');
  setCsrfToken(s.csrfToken ?? null);
  return { user: s.user ?? null, csrfToken: s.csrfToken ?? null };
}

export async function login(username: string, password: string): Promise<Session> {
  const s = await api.post<{ user: User; csrfToken: string }>('/api/auth/login', { username, password });
  setCsrfToken(s.csrfToken ?? null);
  return { user: s.user, csrfToken: s.csrfToken ?? null };
}

export async function logout(): Promise<void> {
  try {
    await api.post<unknown>('/api/auth/logout', {});
  } finally {
    setCsrfToken(null);
  }
}
