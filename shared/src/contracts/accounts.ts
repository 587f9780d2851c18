import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { IdSchema, InstantSchema, PageQuerySchema, requiredSingleLineText } from './common.ts';

/** Minimum password length (ASVS 2.1.1 asks ≥ 12; docs/design.md §6). */
/**
 * What a single-use link sent by e-mail is for (decision 041): an invitation sets a first password,
 * a password reset replaces one. Each is also the event of its security mail.
 */
export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password-reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const PASSWORD_MIN_LENGTH = 12;
/** Maximum password length: long passphrases allowed (ASVS 2.1.2), bounded to keep hashing cheap. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A new password: 12–128 characters, any characters (no composition rules, ASVS 2.1.9). The server
 * also refuses common and breached passwords (a list checked server-side only).
 */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `minimaal ${PASSWORD_MIN_LENGTH} tekens`)
  .max(PASSWORD_MAX_LENGTH, `maximaal ${PASSWORD_MAX_LENGTH} tekens`);

/** A TOTP code: six digits. */
export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'zes cijfers');
/** A one-time recovery code as handed out, `xxxxx-xxxxx` (case and dash optional on input). */
export const RecoveryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z2-7]{5}-?[a-z2-7]{5}$/, 'een herstelcode als xxxxx-xxxxx')
  .transform((s) => s.replace('-', ''));

/** `POST /api/v1/me/totp-enrolments`: a new (pending) TOTP secret to scan. */
export const TotpEnrolmentSchema = z
  .object({
    /** Base32 secret, for typing into an app that cannot scan. */
    secret: z.string(),
    /** `otpauth://totp/…` URI that the QR code encodes. */
    otpauthUri: z.string(),
    /** The QR code as a `data:image/png;base64,…` URL. */
    qrCodeDataUrl: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

/** Body confirming a pending TOTP secret with a code from the app. */
export const ConfirmTotpBodySchema = z.strictObject({ code: TotpCodeSchema });
export type ConfirmTotpBody = z.infer<typeof ConfirmTotpBodySchema>;

/** Freshly made one-time recovery codes: shown once, stored only as hashes. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** `PUT /api/v1/me/password`: change one's own password; ends every other session. */
export const ChangePasswordBodySchema = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: NewPasswordSchema });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** `POST /api/v1/password-resets`: ask for a reset link by e-mail. */
export const PasswordResetRequestBodySchema = z.strictObject({ email: z.string().trim().toLowerCase().max(254).pipe(z.email()) });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBodySchema>;

/** `POST /api/v1/password-changes`: set a password with the token of an invitation or reset link. */
export const SetPasswordBodySchema = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'ongeldige link')
    .meta({ description: 'The token from the link (base64url, 32 bytes)' }),
  newPassword: NewPasswordSchema,
});
export type SetPasswordBody = z.infer<typeof SetPasswordBodySchema>;

/** A user as the admin manages them (no password or second-factor secrets). */
export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    caseTableIds: z.array(IdSchema),
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
});
export type InviteUserBody = z.infer<typeof InviteUserBodySchema>;

/** `PATCH /api/v1/users/{id}`: change roles, memberships, active, or reset the second factor. */
export const PatchUserBodySchema = z
  .strictObject({
    displayName: displayName.optional(),
    roles: z.array(RoleSchema).min(1).max(5).optional(),
    caseTableIds: z.array(IdSchema).max(50).optional(),
    isActive: z.boolean().optional(),
    /** Removes the TOTP secret and recovery codes: the user enrols again at the next login. */
    resetTwoFactor: z.literal(true).optional(),
    /** Sends a new invitation link (for a user who has not set a password yet, or lost access). */
    resendInvitation: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'geef minstens één wijziging');
export type PatchUserBody = z.infer<typeof PatchUserBodySchema>;
