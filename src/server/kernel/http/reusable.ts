// Answers a route gives again unchanged until the data moves (a scope's figures between two writes):
// serialised and compressed once, not on every request. A dashboard's figures are 37 kB of JSON,
// and stringifying and compressing them cost more than working them out from the summary tables.
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface Held {
  json?: string;
  compressed: Map<string, Promise<Buffer>>;
}

const held = new WeakMap<object, Held>();
const heldFor = new WeakMap<FastifyRequest, Held>();

/** Marks an answer as given again unchanged: it must not change once returned. */
export function reusable<T extends object>(body: T): T {
  if (!held.has(body)) held.set(body, { compressed: new Map() });
  return body;
}

/** Answers are serialised as they are (no field is dropped; response schemas are documentation), a reusable one once. */
export function installReusableAnswers(app: FastifyInstance): void {
  app.setSerializerCompiler(() => (data) => {
    const mine = held.get(data as object);
    return mine ? (mine.json ??= JSON.stringify(data)) : JSON.stringify(data);
  });
  app.addHook('preSerialization', (req, _reply, payload, done) => {
    const mine = held.get(payload as object);
    if (mine) heldFor.set(req, mine);
    done(null, payload);
  });
}

/** The request's answer compressed: once per encoding for a reusable answer, else each time. */
export function compressedOnce(req: FastifyRequest, encoding: string, compress: () => Promise<Buffer>): Promise<Buffer> {
  const mine = heldFor.get(req);
  if (!mine) return compress();
  let body = mine.compressed.get(encoding);
  if (!body) {
    body = compress();
    mine.compressed.set(encoding, body);
    body.catch(() => mine.compressed.delete(encoding));
  }
  return body;
}
