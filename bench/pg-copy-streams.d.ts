// The part of pg-copy-streams (no types of its own) that bench/generate-county.ts uses: a COPY … FROM
// STDIN query to pass to pg's client.query(), which returns it as a writable stream.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export function from(text: string): Submittable & Writable;
}
