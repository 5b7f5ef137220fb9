import { client, setCsrfToken, unwrap } from '../../../shared/api/client';
import type { Session } from '../../../shared/api/types';

export async function fetchSession(): Promise<Session> {
  const s = await unwrap(client.GET('/api/auth/me'));
  setCsrfToken(s.csrfToken ?? null);
  return { user: s.user ?? null, csrfToken: s.csrfToken ?? null };
}

export async function login(username: string, password: string): Promise<Session> {
  const s = await unwrap(client.POST('/api/auth/login', { body: { username, password } }));
  setCsrfToken(s.csrfToken ?? null);
  return { user: s.user, csrfToken: s.csrfToken ?? null };
}

export async function logout(): Promise<void> {
  try {
    await unwrap(client.POST('/api/auth/logout'));
  } finally {
    setCsrfToken(null);
  }
}
