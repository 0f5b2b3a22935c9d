// @vitest-environment jsdom
// The web side of "a field in one line": the kit's ledger, detail fields and form, rendered in jsdom
// for the test record type as written and with 案由 added to its definition. The field appears as a
// sortable ledger column with its own filter and in the keyword box, in the detail fields and in the
// form (with the definition's required marks); clicking its header asks the server to sort by it.
// The API side of the same field: test/record-field.api.test.ts.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { AuthProvider } from '../src/web/auth.tsx';
import { RecordFields, RecordForm, RecordLedger } from '../src/web/components/records.tsx';
import { NOTE, NOTE_WITH_CAUSE } from './fixtures/notebook-records.ts';
import type { RecordDef } from '../src/shared/records.ts';

const UNIT = { id: 'unit-1', code: 'SFJ', name: '示范县司法局', kind: 'department', parentId: null, path: '/unit-1/', active: true };
const ROW = { id: 'n1', ref: null, version: 1, unitId: UNIT.id, unitName: UNIT.name, title: '邻里纠纷记录', receivedDate: '2026-03-01', cause: '相邻关系' };
const ME = { user: { id: 'user-1', username: 'clerk', name: '测试' }, unit: UNIT, roles: ['unit_liaison'], permissions: ['notebook.read', 'notebook.manage'] };

// What the server answers (its shapes are held by the API tests); the paths the pages ask for are recorded.
const asked: string[] = [];
function answer(url: string): unknown {
  if (url.startsWith('/api/v1/auth/me')) return ME;
  if (url.startsWith('/api/v1/org/units')) return { items: [UNIT] };
  if (url.startsWith('/api/v1/test-notes')) return { items: [ROW], total: 1, page: 1, pageSize: 20 };
  throw new Error(`unexpected request ${url}`);
}

beforeAll(() => {
  (globalThis as any).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no layout: what antd asks of it.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element); // jsdom has no pseudo-elements
  // A desktop screen, 1440 px wide (below 768 px the ledger is a list of cards).
  window.matchMedia = (query: string) => ({ matches: Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? Infinity) <= 1440, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  asked.length = 0;
});

async function render(node: ReactNode): Promise<HTMLElement> {
  const container = document.body.appendChild(document.createElement('div'));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The app's router is the browser's: the ledger's filters read and write the window's address.
  window.history.replaceState(null, '', '/notes');
  await act(async () => {
    root = createRoot(container);
    root.render(
      <QueryClientProvider client={client}>
        <AntApp>
          <AuthProvider>
            <BrowserRouter>{node}</BrowserRouter>
          </AuthProvider>
        </AntApp>
      </QueryClientProvider>,
    );
  });
  return container;
}

/** Lets fetches resolve and React render until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}: ${document.body.textContent}`);
}

const headers = () => [...document.querySelectorAll('th')];
const header = (label: string) => headers().find((th) => th.textContent === label);
const ledger = (def: RecordDef<any>) => <RecordLedger def={def} url="/test-notes" exportName="测试记录" />;

// Rendering antd in jsdom takes seconds on a loaded machine.
describe('a field added in one line of the definition, on the web', { timeout: 30_000 }, () => {
  it('is a sortable ledger column with its own filter and part of the keyword search', async () => {
    await render(ledger(NOTE_WITH_CAUSE));
    await until(() => document.body.textContent!.includes('相邻关系'), 'the row');
    const th = header('案由');
    expect(th, headers().map((h) => h.textContent).join('|')).toBeDefined();
    expect(th!.classList.contains('ant-table-column-has-sorters')).toBe(true);
    expect(document.querySelector('input[aria-label="案由"]')).not.toBeNull();
    expect(document.querySelector<HTMLInputElement>('input[aria-label="关键词"]')!.placeholder).toContain('案由');

    await act(async () => th!.click());
    await until(() => asked.some((u) => u.includes('sort=cause') && u.includes('order=asc')), 'a list request sorted by cause');
  });

  it('is not there before the line is added', async () => {
    await render(ledger(NOTE));
    await until(() => !!header('标题'), 'the ledger');
    expect(header('案由')).toBeUndefined();
    expect(document.querySelector('input[aria-label="案由"]')).toBeNull();
  });

  it('is shown in the detail fields', async () => {
    const container = await render(<RecordFields def={NOTE_WITH_CAUSE} view={ROW} />);
    const labels = [...container.querySelectorAll('.ant-descriptions-item-label')].map((l) => l.textContent);
    expect(labels).toContain('案由');
    expect(container.textContent).toContain('相邻关系');
  });

  it('is a field of the create form, optional as declared', async () => {
    await render(<RecordForm def={NOTE_WITH_CAUSE} open title="登记测试记录" onClose={() => {}} onSubmit={async () => {}} />);
    await until(() => !!document.querySelector('label[for="cause"]'), 'the form');
    expect(document.querySelector('label[for="cause"]')!.textContent).toBe('案由');
    expect(document.querySelector('label[for="cause"]')!.classList.contains('ant-form-item-required')).toBe(false);
    expect(document.querySelector('label[for="title"]')!.classList.contains('ant-form-item-required')).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input#cause')!.maxLength).toBe(50);
  });
});
