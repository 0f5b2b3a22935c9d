// The proof of work the public forms ask for (kernel/public/pow.ts): a nonce whose
// SHA-256(challenge:nonce) starts with `bits` zero bits. SHA-256 written out here rather than
// crypto.subtle: subtle exists only on HTTPS pages and answers asynchronously per hash, and a
// county intranet may serve the portal over plain HTTP. About 65,000 tries: a second on a phone.

const primes = (count: number) => {
  const out: number[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => n % p)) out.push(n);
  return out;
};
const fraction = (x: number) => ((x - Math.floor(x)) * 2 ** 32) | 0;
const P = primes(64);
const K = P.map((p) => fraction(Math.cbrt(p)));
const H = P.slice(0, 8).map((p) => fraction(Math.sqrt(p)));

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const w = new Int32Array(64);

/** The eight 32-bit words of SHA-256(bytes). Written for speed: no allocation per block. */
export function sha256(bytes: Uint8Array): number[] {
  const blocks = (bytes.length + 72) >> 6;
  const words = new Int32Array(blocks * 16);
  for (let i = 0; i < bytes.length; i++) words[i >> 2]! |= bytes[i]! << (24 - (i & 3) * 8);
  words[bytes.length >> 2]! |= 0x80 << (24 - (bytes.length & 3) * 8);
  words[blocks * 16 - 1] = bytes.length * 8;
  const h = H.slice();
  for (let block = 0; block < words.length; block += 16) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) w[i] = words[block + i]!;
      else {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        w[i] = (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)) + w[i - 16]!;
      }
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + k) | 0;
  }
  return h.map((v) => v >>> 0);
}

function zeroBits(digest: number[]): number {
  let bits = 0;
  for (const word of digest) {
    const z = Math.clz32(word);
    bits += z;
    if (z < 32) break;
  }
  return bits;
}

/** Finds the nonce, yielding to the page every few thousand tries so that it stays responsive. */
export async function solve(challenge: string, bits: number): Promise<string> {
  const prefix = new TextEncoder().encode(`${challenge}:`);
  const message = new Uint8Array(prefix.length + 16);
  message.set(prefix);
  for (let nonce = 0; ; ) {
    for (const end = nonce + 4000; nonce < end; nonce++) {
      const digits = String(nonce);
      for (let i = 0; i < digits.length; i++) message[prefix.length + i] = digits.charCodeAt(i);
      if (zeroBits(sha256(message.subarray(0, prefix.length + digits.length))) >= bits) return digits;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
