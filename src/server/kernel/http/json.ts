// The JSON body parser: Fastify's own (with its __proto__ / constructor poisoning checks), behind a
// nesting-depth check. A password nested 20,000 arrays deep parsed fine but overflowed the stack of
// every recursive walk after it (a 500 with no login needed); now it is a 400 before JSON.parse runs.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../../shared/text-hygiene.ts';

export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonTooDeep(body as string)) {
      done(new HttpError(400, `请求体嵌套过深（超过 ${MAX_JSON_DEPTH} 层），已拒绝`, [{ field: '(body)', message: `嵌套超过 ${MAX_JSON_DEPTH} 层` }]), undefined);
      return;
    }
    parse(req, body as string, done);
  });
}
