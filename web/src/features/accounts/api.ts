// Calls of the account pages: users, enterprise registrations, one's own sessions (src/accounts on the server).
import { api } from '../../shared/api/client';

export type Role = 'admin' | 'zone_operator' | 'org_user';
export interface ScopeRef { id: number; code: string; name_zh: string; name_en: string | null }
export interface ManagedUser {
  id: number; username: string; display_name: string; role: Role; zone_id: number | null; organization_id: number | null;
  active: boolean; last_login_at: string | null; created_at: string; version: number; zone: ScopeRef | null; organization: ScopeRef | null;
}
export interface NewUser { username: string; display_name: string; password: string; role: Role; zone_id?: number | null; organization_id?: number | null }
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';
export interface Registration {
  id: number; status: RegistrationStatus; credit_code: string; enterprise_name: string; contact_name: string; email: string | null; phone: string | null;
  username: string; reason: string | null; organization_id: number | null; zone: ScopeRef; decided_by: string | null; decided_at: string | null; created_at: string;
}
export interface RegistrationInput {
  credit_code: string; enterprise_name: string; contact_name: string; email?: string | null; phone?: string | null; username: string; password: string; zone_id: number;
}
export interface OwnSession { id: number; created_at: string; last_seen_at: string; expires_at: string; user_agent: string | null; current: boolean }

export const accountsApi = {
  users: (query: { q?: string; limit?: number; offset?: number }) => api.get<{ items: ManagedUser[]; total: number }>('/api/users', query),
  createUser: (body: NewUser) => api.post<ManagedUser>('/api/users', body),
  resetPassword: (id: number, password: string) => api.post<{ ok: true }>(`/api/users/${id}/password`, { password }),
  setActive: (id: number, active: boolean) => api.post<ManagedUser>(`/api/users/${id}/${active ? 'reactivate' : 'deactivate'}`),
  registrations: (status?: RegistrationStatus) => api.get<{ items: Registration[]; total: number }>('/api/registrations', { status, limit: 200 }),
  approve: (id: number) => api.post<Registration>(`/api/registrations/${id}/approve`),
  reject: (id: number, reason: string) => api.post<Registration>(`/api/registrations/${id}/reject`, { reason }),
  register: (body: RegistrationInput) => api.post<{ id: number; ticket: string; status: RegistrationStatus }>('/api/registrations', body),
  status: (ticket: string) => api.get<Omit<Registration, 'email' | 'phone' | 'contact_name'>>('/api/registrations/status', { ticket }),
  sessions: () => api.get<{ items: OwnSession[] }>('/api/auth/sessions'),
  endSession: (id: number) => api.delete<{ ok: true }>(`/api/auth/sessions/${id}`),
  changePassword: (current_password: string, new_password: string) => api.post<{ ok: true }>('/api/auth/password', { current_password, new_password }),
};
