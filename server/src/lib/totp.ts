import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** Issuer shown in the authenticator app. */
export const TOTP_ISSUER = 'Duidingspool Oost-Nederland';

/** A new base32 TOTP secret (20 random bytes; SHA-1, 6 digits, 30 s — what every app supports). */
export const newTotpSecret = (): string => generateSecret();

/** The `otpauth://` URI and its QR code (PNG data URL) for enrolment. */
export async function totpProvisioning(secret: string, email: string): Promise<{ otpauthUri: string; qrCodeDataUrl: string }> {
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: email, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { otpauthUri, qrCodeDataUrl };
}

/**
 * Checks a 6-digit code against `secret`, allowing one step of clock drift either way, and only
 * for a time step after `afterTimeStep` (so a used code cannot be replayed).
 *
 * @returns the matched time step, or null when the code is wrong or already used
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterTimeStep: number | null,
  epochSeconds = Math.floor(Date.now() / 1000),
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: epochSeconds,
      epochTolerance: 30,
      ...(afterTimeStep !== null ? { afterTimeStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // A malformed token or secret is simply not valid.
    return null;
  }
}
