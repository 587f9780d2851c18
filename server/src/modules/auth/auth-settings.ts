/** What the session services need from the configuration. */
export interface AuthSettings {
  /** Absolute session lifetime, seconds. */
  sessionMaxSeconds: number;
  /** Session idle timeout, seconds. */
  sessionIdleSeconds: number;
  /** Key that encrypts TOTP secrets. */
  encryptionKey: string;
  requireSecondFactorForRequesters: boolean;
  /** Base of links in e-mails. */
  publicUrl: string;
  /** Demo accounts may log in without a second factor; never in production. */
  demoAccountsExempt: boolean;
}
