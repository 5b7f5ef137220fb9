import { z } from 'zod';
import { nullableNum, num, text, when } from '../shared/http/response-fields';

/**
 * Answer schemas of the account routes (users.routes.ts, registration.routes.ts). Fastify serializes by them, so every
 * field the services return is listed (a missing one would be dropped); the web app's types are generated from them.
 */
const ROLES = ['admin', 'zone_operator', 'org_user'] as const;
const STATUSES = ['pending', 'approved', 'rejected'] as const;

export const scopeRef = z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: text });

export const managedUser = z.object({
  id: num, username: z.string(), display_name: z.string(), role: z.enum(ROLES), zone_id: nullableNum, organization_id: nullableNum,
  active: z.boolean(), last_login_at: when.nullable(), created_at: when, version: num, zone: scopeRef.nullable(), organization: scopeRef.nullable(),
});
export const userList = z.object({ items: z.array(managedUser), total: num });

export const ownSessions = z.object({
  items: z.array(z.object({ id: num, created_at: when, last_seen_at: when, expires_at: when, user_agent: text, current: z.boolean() })),
});

export const ok = z.object({ ok: z.literal(true) });

/** A request as a reviewer sees it: contact data included, never the password hash or the ticket. */
export const registration = z.object({
  id: num, status: z.enum(STATUSES), credit_code: z.string(), enterprise_name: z.string(), contact_name: z.string(), email: text, phone: text,
  username: z.string(), reason: text, organization_id: nullableNum, user_id: nullableNum, zone: scopeRef,
  decided_by: text.describe('user name of the reviewer'), decided_at: when.nullable(), created_at: when,
});
export const registrationList = z.object({ items: z.array(registration), total: num });

/** What the holder of a ticket may read: the decision, no contact data. */
export const registrationStatus = registration.pick({
  id: true, status: true, credit_code: true, enterprise_name: true, username: true, reason: true, zone: true, decided_at: true, created_at: true,
});

export const registrationSubmitted = z.object({ id: num, status: z.enum(STATUSES), created_at: when, ticket: z.string().describe('keep it to follow the request') });
