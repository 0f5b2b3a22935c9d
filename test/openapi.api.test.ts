// The OpenAPI document passes a standard validator, and every operation declares its answers: a
// success (with its schema where the route states one) and problem+json errors.
import { afterAll, beforeAll, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestEnv, type TestEnv } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const document = async () => (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();

it('passes the OpenAPI validator', async () => {
  const doc = await document();
  await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  // And it would fail on a schema keyword OpenAPI 3.0 does not have.
  const broken = structuredClone(doc);
  const [first] = Object.values<any>(broken.paths);
  (Object.values<any>(first)[0].responses['2XX'].content['application/json'].schema as any).propertyNames = { type: 'string' };
  await expect(SwaggerParser.validate(broken)).rejects.toThrow();
});

it('every operation declares a success and its problem+json errors', async () => {
  const doc = await document();
  const missing: string[] = [];
  let operations = 0;
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      operations++;
      const codes = Object.keys(op.responses ?? {});
      if (!codes.some((c) => /^2/.test(c))) missing.push(`${method.toUpperCase()} ${path}: no success`);
      if (op.responses?.['4XX']?.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem') missing.push(`${method.toUpperCase()} ${path}: no problem+json`);
    }
  }
  expect(operations).toBeGreaterThan(150);
  expect(missing).toEqual([]);
});

it('a ledger states its page of records, derived from the record definition', async () => {
  const doc = await document();
  const disputes = doc.paths['/api/v1/disputes'].get.responses['200'].content['application/json'].schema;
  expect(disputes.properties.items.items.properties).toMatchObject({ receivedDate: { type: 'string' }, lawyerInvolved: { type: 'boolean' }, status: { type: 'string' } });
  expect(disputes.required).toEqual(expect.arrayContaining(['items', 'total', 'page', 'pageSize']));
});
