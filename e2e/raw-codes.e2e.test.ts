// No raw codes in front of people: every menu page of each role in the demo county, and the first
// record each ledger opens, is read in Chromium; a visible dotted code (review.accept), a snake_case
// value (in_force), an English state or enum word, or a leaked null/undefined/[object Object] fails
// the test, naming the role, the page and the words. Each role's landing page is saved as a screenshot.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, ensureWebBuild, launchBrowser, loginPage, startServer, type Server } from './helpers.ts';

let server: Server;
let browser: Browser;
/** The demo's usernames (snake_case, and rightly shown on the user pages). */
let usernames: Set<string>;

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer({}, [['demo']]);
  browser = await launchBrowser();
  usernames = new Set([...server.output().matchAll(/^\s+([a-z][a-z0-9]*_[a-z0-9_]+)\s/gm)].map((m) => m[1]!));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CODE_PATTERNS: [string, RegExp][] = [
  ['dotted code', /\b[a-z]+(?:\.[a-z_]+)+\b/g],
  ['snake_case value', /\b[a-z]+_[a-z0-9_]+\b/g],
  ['English word', /\b(?:draft|pending|approved|rejected|active|inactive|closed|running|paused|stopped|completed|submitted|reviewing|accepted|overdue|compliant|statutory|authorized|entrusted|inspection|penalty|coercion|licence|other|person|organization|true|false|null|undefined|NaN|Invalid Date)\b/g],
  ['leaked object', /\[object Object\]/g],
];
/** File names, web addresses and e-mail addresses are not codes. */
const NOT_CODES = /^.*\.(?:xlsx|docx|csv|jsonl|pdf|png|jpg|json|md|cn|com|gov|org|net)$/;

function rawCodes(text: string): string[] {
  const found = new Set<string>();
  for (const [kind, pattern] of CODE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const word = m[0];
      if (NOT_CODES.test(word) || usernames.has(word) || /^lly_[a-z0-9_]+$/.test(word)) continue;
      found.add(`${kind}「${word}」`);
    }
  }
  return [...found];
}

/**
 * The page's visible text once its lists have loaded, but for the parts marked as showing codes on
 * purpose (the import page's notes on a file's format, where a file's author may write them).
 */
async function shown(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  return page.locator('.ant-layout-content').first().evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const part of copy.querySelectorAll('[data-codes-shown]')) part.remove();
    document.body.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  });
}

/** Pages already read (by an earlier role): each role reads the pages only it has, to keep the walk short. */
const walked = new Set<string>();

// The audit administrator signs in with an authenticator (loginPage binds one) and reads the audit log.
for (const username of ['fzb_wang', 'jyj_liaison', 'cgz_liaison', 'leader_chen', 'scj_officer', 'demo_auditor']) {
  it(`${username} sees no raw code on any page of the menu (not read before) or on the first record of a ledger`, async () => {
    const page = await loginPage(browser, server, username);
    const problems: string[] = [];
    const items = await page.locator('.ant-layout-sider .ant-menu-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id')?.replace(/^.*?-(\/.*)$/, '$1') ?? '').filter(Boolean));
    expect(items.length).toBeGreaterThan(username === 'demo_auditor' ? 1 : 2);
    await page.screenshot({ path: `${SCREENSHOTS}/walk-${username}-home.png` });
    for (const path of items) {
      if (walked.has(path)) continue;
      walked.add(path);
      await page.goto(`${server.url}${path}`);
      const text = await shown(page);
      for (const code of rawCodes(text)) problems.push(`${path}: ${code}`);
      // The first record of a ledger: its detail page shows the values the list does not.
      const first = page.locator('.ant-table-tbody tr.ant-table-row a[href^="/"]').first();
      if (await first.count()) {
        const href = await first.getAttribute('href');
        await page.goto(`${server.url}${href}`);
        for (const code of rawCodes(await shown(page))) problems.push(`${href}: ${code}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The law office's walk reads some 50 pages and their first records.
  }, 720_000);
}
