// Two-factor sign-in: TOTP (RFC 6238, otplib) with one-time recovery codes.
// The secret is personal data: SM4-encrypted at rest with the platform key (kernel/crypto/keys.ts).
// Recovery codes are kept only as keyed HMAC-SM3 hashes and each is accepted once.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { decryptText, encryptText, hmacSm3, type Keys } from '../crypto/keys.ts';
import type { Executor } from '../db/index.ts';
import { nowIso } from '../ids.ts';
import { ADMIN_ROLES, type Role } from '../../../shared/roles.ts';

export const TOTP_ISSUER = '法治政府建设综合管理平台';
export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are copied by hand from paper.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Whether an account with these roles must sign in with a second factor. Admin roles always do. */
export function totpRequiredFor(roles: readonly string[], configuredRoles: readonly string[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r as Role) || configuredRoles.includes(r));
}

export function newTotpSecret(): string {
  return generateSecret();
}

export const sealSecret = (keys: Keys, secret: string) => encryptText(keys, secret);
export const openSecret = (keys: Keys, sealed: string) => decryptText(keys, sealed);

/** The otpauth:// URI and a PNG data URL of its QR code (generated here: no network at run time). */
export async function enrolmentOf(secret: string, username: string) {
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: TOTP_PERIOD });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
  return { otpauthUri, qrDataUrl };
}

/** The time step a 6-digit code matches (one step of clock drift either way), or null. */
export async function matchingStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epoch: Math.floor(now / 1000), epochTolerance: TOTP_PERIOD });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Accepts a code for an enrolled account at most once: the step must be newer than the last one
 * accepted, and recording it is one conditional UPDATE, so two requests cannot both use one code.
 */
export async function acceptTotp(db: Executor, keys: Keys, user: { id: string; totp_secret_enc: string | null }, code: string): Promise<boolean> {
  if (!user.totp_secret_enc) return false;
  const step = await matchingStep(openSecret(keys, user.totp_secret_enc), code);
  if (step === null) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashRecoveryCode = (keys: Keys, code: string) => hmacSm3(keys.piiLookup, `recovery:${normaliseRecoveryCode(code)}`).toString('hex');

/** A fresh set of recovery codes, replacing any earlier set; returns the codes (shown once). */
export async function issueRecoveryCodes(db: Executor, keys: Keys, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  const now = nowIso();
  await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('user_recovery_codes').values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(keys, c), created_at: now, used_at: null }))).execute();
  return codes;
}

/** Uses up a recovery code: one conditional UPDATE, so each code signs in once. */
export async function consumeRecoveryCode(db: Executor, keys: Keys, userId: string, code: string): Promise<boolean> {
  if (normaliseRecoveryCode(code).length !== 10) return false;
  const result = await db
    .updateTable('user_recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(keys, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes an account's second factor (the CLI's `user reset-totp`): it enrols again at next login. */
export async function clearTotp(db: Executor, userId: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
  await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
}
