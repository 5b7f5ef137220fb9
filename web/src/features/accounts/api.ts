// Calls of the account pages: users, enterprise registrations, one's own sessions (src/accounts on the server).
import { client, unwrap, type BodyOf, type ResponseOf } from '../../shared/api/client';

// Requests and answers are typed by schema.ts (generated from the server's route schemas, `npm run gen:api`).

export type ManagedUser = ResponseOf<'/api/users/{id}', 'get'>;
export type Role = ManagedUser['role'];
export type ScopeRef = NonNullable<ManagedUser['zone']>;
export type NewUser = BodyOf<'/api/users', 'post'>;
export type Registration = ResponseOf<'/api/registrations/{id}', 'get'>;
export type RegistrationStatus = Registration['status'];
export type RegistrationInput = BodyOf<'/api/registrations', 'post'>;
export type OwnSession = ResponseOf<'/api/auth/sessions', 'get'>['items'][number];

export const accountsApi = {
  users: (query: { q?: string; limit?: number; offset?: number }) => unwrap(client.GET('/api/users', { params: { query } })),
  createUser: (body: NewUser) => unwrap(client.POST('/api/users', { body })),
  resetPassword: (id: number, password: string) => unwrap(client.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  setActive: (id: number, active: boolean) => unwrap<ManagedUser>(active
    ? client.POST('/api/users/{id}/reactivate', { params: { path: { id } } })
    : client.POST('/api/users/{id}/deactivate', { params: { path: { id } } })),
  registrations: (status?: RegistrationStatus) => unwrap(client.GET('/api/registrations', { params: { query: { status, limit: 200 } } })),
  approve: (id: number) => unwrap(client.POST('/api/registrations/{id}/approve', { params: { path: { id } } })),
  reject: (id: number, reason: string) => unwrap(client.POST('/api/registrations/{id}/reject', { params: { path: { id } }, body: { reason } })),
  register: (body: RegistrationInput) => unwrap(client.POST('/api/registrations', { body })),
  status: (ticket: string) => unwrap(client.GET('/api/registrations/status', { params: { query: { ticket } } })),
  sessions: () => unwrap(client.GET('/api/auth/sessions')),
  endSession: (id: number) => unwrap(client.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
  changePassword: (current_password: string, new_password: string) => unwrap(client.POST('/api/auth/password', { body: { current_password, new_password } })),
};
