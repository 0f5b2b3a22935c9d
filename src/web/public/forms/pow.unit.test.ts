// The portal's own SHA-256 agrees with node:crypto's, and its solution passes the server's check.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { sha256, solve } from './pow.ts';
import { powDigest, zeroBits } from '../../../server/kernel/public/pow.ts';

const hex = (words: number[]) => words.map((w) => w.toString(16).padStart(8, '0')).join('');

it('computes SHA-256 like node:crypto, for every length around the block boundaries', () => {
  for (let length = 0; length < 200; length++) {
    const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) % 256));
    expect(hex(sha256(bytes)), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'));
  }
  expect(hex(sha256(new TextEncoder().encode('行政复议')))).toBe(createHash('sha256').update('行政复议').digest('hex'));
});

it('finds a nonce the server accepts', async () => {
  const challenge = `${Date.now() + 60_000}.abcdef.12.signature`;
  const nonce = await solve(challenge, 12);
  expect(zeroBits(powDigest(challenge, nonce))).toBeGreaterThanOrEqual(12);
});
