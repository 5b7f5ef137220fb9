// Calls of the account pages: users, enterprise registrations, one's own sessions (src/accounts on the server).
import { client, unwrap, type BodyOf } from '../../shared/api/client';

// Request bodies and parameters are checked against schema.ts; these routes declare no answer schemas, so the answers
// are typed here.

export type Role = 'admin' | 'zone_operator' | 'org_user';
export interface ScopeRef { id: number; code: string; name_zh: string; name_en: string | null }
export interface ManagedUser {
  id: number; username: string; display_name: string; role: Role; zone_id: number | null; organization_id: number | null;
  active: boolean; last_login_at: string | null; created_at: string; version: number; zone: ScopeRef | null; organization: ScopeRef | null;
}
export type NewUser = BodyOf<'/api/users', 'post'>;
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';
export interface Registration {
  id: number; status: RegistrationStatus; credit_code: string; enterprise_name: string; contact_name: string; email: string | null; phone: string | null;
  username: string; reason: string | null; organization_id: number | null; zone: ScopeRef; decided_by: string | null; decided_at: string | null; created_at: string;
}
export type RegistrationInput = BodyOf<'/api/registrations', 'post'>;
export interface OwnSession { id: number; created_at: string; last_seen_at: string; expires_at: string; user_agent: string | null; current: boolean }

export const accountsApi = {
  users: (query: { q?: string; limit?: number; offset?: number }) => unwrap<{ items: ManagedUser[]; total: number }>(client.GET('/api/users', { params: { query } })),
  createUser: (body: NewUser) => unwrap<ManagedUser>(client.POST('/api/users', { body })),
  resetPassword: (id: number, password: string) => unwrap<{ ok: true }>(client.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  setActive: (id: number, active: boolean) => unwrap<ManagedUser>(active
    ? client.POST('/api/users/{id}/reactivate', { params: { path: { id } } })
    : client.POST('/api/users/{id}/deactivate', { params: { path: { id } } })),
  registrations: (status?: RegistrationStatus) => unwrap<{ items: Registration[]; total: number }>(client.GET('/api/registrations', { params: { query: { status, limit: 200 } } })),
  approve: (id: number) => unwrap<Registration>(client.POST('/api/registrations/{id}/approve', { params: { path: { id } } })),
  reject: (id: number, reason: string) => unwrap<Registration>(client.POST('/api/registrations/{id}/reject', { params: { path: { id } }, body: { reason } })),
  register: (body: RegistrationInput) => unwrap<{ id: number; ticket: string; status: RegistrationStatus }>(client.POST('/api/registrations', { body })),
  status: (ticket: string) => unwrap<Omit<Registration, 'email' | 'phone' | 'contact_name'>>(client.GET('/api/registrations/status', { params: { query: { ticket } } })),
  sessions: () => unwrap<{ items: OwnSession[] }>(client.GET('/api/auth/sessions')),
  endSession: (id: number) => unwrap<{ ok: true }>(client.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
  changePassword: (current_password: string, new_password: string) => unwrap<{ ok: true }>(client.POST('/api/auth/password', { body: { current_password, new_password } })),
};
