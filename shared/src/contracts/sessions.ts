import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { IdSchema } from './common.ts';

/** Body of `POST /api/v1/sessions`. */
export const LoginBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** A one-time recovery code instead of `totp` (when the authenticator app is lost). */
  recoveryCode: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z2-7]{5}-?[a-z2-7]{5}$/)
    .transform((s) => s.replace('-', ''))
    .optional(),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** A casustafel the user is a member of. */
export const MembershipSchema = z.object({ caseTableId: IdSchema, caseTableName: z.string() }).meta({ id: 'Membership' });

/** The signed-in user as `GET /api/v1/me` answers it. */
export const MeSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    memberships: z.array(MembershipSchema),
    /** Set when the user is a specialist in the pool. */
    specialistId: IdSchema.nullable(),
    language: z.enum(['nl', 'en']),
    /** A TOTP second factor is set up. */
    twoFactorEnabled: z.boolean(),
    /** The user's roles require a second factor (demo accounts excepted). */
    twoFactorRequired: z.boolean(),
    /** This session may only enrol a second factor (and sign out) until it is set up. */
    enrolmentOnly: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const LoginResponseSchema = z.object({ user: MeSchema }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
