import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { IdSchema, InstantSchema, PageQuerySchema, requiredSingleLineText } from './common.ts';

// Contracts of the users module: the accounts the admin manages (list, invite, change). Logging
// in, passwords, the second factor and the current user are the auth module's, in sessions.ts.

/** A user as the admin manages them (no password or second-factor secrets). */
export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    caseTableIds: z.array(IdSchema),
    /** Municipalities the user asks for on behalf of (a policy or safety adviser, decision 095). */
    municipalityIds: z.array(IdSchema),
    isActive: z.boolean(),
    isDemo: z.boolean(),
    /** The user has set a password (an invited user has not, yet). */
    hasPassword: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

const displayName = requiredSingleLineText(200);

/** `POST /api/v1/users`: invite by e-mail (a single-use, expiring link to set a password). */
export const InviteUserBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  displayName,
  roles: z.array(RoleSchema).min(1).max(5),
  caseTableIds: z.array(IdSchema).max(50).optional(),
  municipalityIds: z.array(IdSchema).max(50).optional(),
});
export type InviteUserBody = z.infer<typeof InviteUserBodySchema>;

/** `PATCH /api/v1/users/{id}`: change roles, memberships, active, or reset the second factor. */
export const PatchUserBodySchema = z
  .strictObject({
    displayName: displayName.optional(),
    roles: z.array(RoleSchema).min(1).max(5).optional(),
    caseTableIds: z.array(IdSchema).max(50).optional(),
    municipalityIds: z.array(IdSchema).max(50).optional(),
    isActive: z.boolean().optional(),
    /** Removes the TOTP secret and recovery codes: the user enrols again at the next login. */
    resetTwoFactor: z.literal(true).optional(),
    /** Sends a new invitation link (for a user who has not set a password yet, or lost access). */
    resendInvitation: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'geef minstens één wijziging');
export type PatchUserBody = z.infer<typeof PatchUserBodySchema>;
