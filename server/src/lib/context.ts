import type { Database } from '@duidingspool/db';
import type { Role } from '@duidingspool/shared';
import type { WorkingHours } from './working-time.ts';

/** The signed-in user as every service sees them (docs/design.md §2). */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** Casustafels the user is a member of (requesters). */
  caseTableIds: string[];
  /** Municipalities the user asks for on behalf of (requesters; decision 095). */
  municipalityIds: string[];
  /** The user's specialist profile, if any. */
  specialistId: string | null;
  sessionId: string;
  language: 'nl' | 'en';
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** What a service call needs: the database, who acts, from where, and the clock. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  origin: RequestOrigin;
  /** The current instant; injectable so tests can fix "today" in Europe/Amsterdam. */
  now: () => Date;
  /** Public base URL of the app, for links in notifications. */
  publicUrl: string;
  /** `ENCRYPTION_KEY`: seals the one-time token of an invitation or reset mail in the outbox. */
  encryptionKey: string;
  /** Months after closing that case content is purged (docs/design.md §6). */
  retentionCaseMonths: number;
  /** The working day (Europe/Amsterdam): when a parked digest row goes out. */
  workingHours: WorkingHours;
}

/** True when the actor holds `role`. */
export const hasRole = (actor: { roles: readonly Role[] }, role: Role) => actor.roles.includes(role);
