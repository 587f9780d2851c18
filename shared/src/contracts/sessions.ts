import { z } from 'zod';
import { LOGIN_EMAIL_MAX_LENGTH, LOGIN_PASSWORD_MAX_LENGTH, RECOVERY_CODE_PATTERN, TOTP_CODE_PATTERN, UI_LANGUAGES } from '../first-load.ts';
import { RoleSchema } from '../roles.ts';
import { IdSchema } from './common.ts';

// Contracts of the auth module: logging in, the current user, passwords and one-time links, and
// the second factor. The accounts the admin manages are the users module's, in accounts.ts.

/**
 * What a single-use link sent by e-mail is for (decision 041): an invitation sets a first password,
 * a password reset replaces one. Each is also the event of its security mail.
 */
export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password-reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Minimum password length (ASVS 2.1.1 asks ≥ 12; docs/design.md §6). */
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

/** A TOTP code: six digits, read without the spaces an authenticator app shows them with (`123 456`). */
export const TotpCodeSchema = z
  .string()
  .max(32, 'zes cijfers')
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(TOTP_CODE_PATTERN, 'zes cijfers'));
/** A one-time recovery code as handed out, `xxxxx-xxxxx` (case and dash optional on input). */
export const RecoveryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(RECOVERY_CODE_PATTERN, 'een herstelcode als xxxxx-xxxxx')
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

/** Body of `POST /api/v1/sessions`. */
export const LoginBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(LOGIN_EMAIL_MAX_LENGTH).pipe(z.email()),
  password: z.string().min(1).max(LOGIN_PASSWORD_MAX_LENGTH),
  totp: TotpCodeSchema.optional(),
  /** A one-time recovery code instead of `totp` (when the authenticator app is lost). */
  recoveryCode: RecoveryCodeSchema.optional(),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** A casustafel the user is a member of. */
export const MembershipSchema = z.object({ caseTableId: IdSchema, caseTableName: z.string() }).meta({ id: 'Membership' });

/** A municipality the user is a member of (a policy or safety adviser, decision 095). */
export const MunicipalityMembershipSchema = z.object({ municipalityId: IdSchema, municipalityName: z.string() }).meta({ id: 'MunicipalityMembership' });

/** The signed-in user as `GET /api/v1/me` answers it. */
export const MeSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    memberships: z.array(MembershipSchema),
    /** The municipalities the user asks for on behalf of (decision 095), by name. */
    municipalityMemberships: z.array(MunicipalityMembershipSchema),
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

export { UI_LANGUAGES, type UiLanguage } from '../first-load.ts';

/** `PUT /api/v1/me/language`: the user's language for the UI and for the e-mails sent to them. */
export const PutLanguageBodySchema = z.strictObject({ language: z.enum(UI_LANGUAGES) }).meta({ id: 'PutLanguageBody' });
export type PutLanguageBody = z.infer<typeof PutLanguageBodySchema>;

export const LoginResponseSchema = z.object({ user: MeSchema }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * `GET /api/v1/site-info` (public): what every page shows without login — the pool's contact (the
 * footer, the statements) with the working day it answers in (Europe/Amsterdam, `HH:MM`), and the
 * two retention clocks the privacy statement names (docs/design.md §6).
 */
export const SiteInfoSchema = z
  .object({
    contact: z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      /** The working day, e.g. `{ start: '08:30', end: '17:00' }`, on working days. */
      hours: z.object({ start: z.string(), end: z.string() }),
    }),
    retention: z.object({
      /** Months after closing that case content is purged. */
      caseContentMonths: z.number().int(),
      /** Years after closing that every row of the request goes. */
      ledgerYears: z.number().int(),
    }),
  })
  .meta({ id: 'SiteInfo' });
export type SiteInfo = z.infer<typeof SiteInfoSchema>;
