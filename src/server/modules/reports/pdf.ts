// The report as a PDF in the same official layout as the .docx (GB/T 9704-2012): the page is laid out
// in HTML and CSS and printed by headless Chromium (the Debian package the end-to-end tests use).
// A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 小标宋 centred; body 3号
// 仿宋 with a two-character indent and 28-point lines; level-1 headings 黑体, level-2 楷体; issuing
// body and date at the end; page numbers "— 1 —" in 4号宋体 at the outside edge (page margin boxes).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { HttpError } from '../../kernel/http/errors.ts';
import { chineseDate, type PublicReport } from '../../../shared/schemas/reports.ts';

type PrintableReport = PublicReport & { sections: NonNullable<PublicReport['sections']> };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Official faces first; the Noto CJK faces of a Linux server stand in for them.
const FANGSONG = `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif`;
const XIAOBIAOSONG = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif`;
const HEITI = `"黑体", "SimHei", "Noto Sans CJK SC", sans-serif`;
const KAITI = `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "Noto Serif CJK SC", serif`;
const SONGTI = `"宋体", "SimSun", "Noto Serif CJK SC", serif`;

export function reportHtml(report: PrintableReport): string {
  const sections = report.sections
    .map((s) => `<h2 class="level${s.level}">${escapeHtml(s.heading)}</h2>\n${s.html}`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${SONGTI}; margin-right: 7mm; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${SONGTI}; margin-left: 7mm; } }
  html { font: 16pt/28pt ${FANGSONG}; color: #000; }
  body { margin: 0; }
  h1 { font: 22pt/35pt ${XIAOBIAOSONG}; text-align: center; margin: 0 0 28pt; font-weight: normal; }
  h2 { font-size: 16pt; line-height: 28pt; margin: 0; text-indent: 2em; font-weight: normal; }
  h2.level1 { font-family: ${HEITI}; }
  h2.level2 { font-family: ${KAITI}; }
  p, li, blockquote { margin: 0; text-indent: 2em; text-align: justify; }
  h3 { font: 16pt/28pt ${HEITI}; margin: 0; text-indent: 2em; font-weight: normal; }
  h4 { font: 16pt/28pt ${KAITI}; margin: 0; text-indent: 2em; font-weight: normal; }
  ul, ol { margin: 0; padding: 0; list-style-position: inside; }
  .signature { margin-top: 28pt; text-align: right; padding-right: 4em; }
  .signature p { text-indent: 0; text-align: right; }
</style></head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${sections}
<div class="signature"><p>${escapeHtml(report.issuer)}</p>${report.issuedDate ? `<p>${escapeHtml(chineseDate(report.issuedDate))}</p>` : ''}</div>
</body></html>`;
}

/**
 * Prints run one at a time per process (each holds a Chromium of ~100 MB), at most four waiting;
 * a printed page is kept by its content (at most 20), so that a published report, which no longer
 * changes, is printed once however many visitors download it.
 */
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
const printed = new Map<string, Buffer>();

export async function reportPdf(report: PrintableReport, chromiumPath: string): Promise<Buffer> {
  const html = reportHtml(report);
  const key = createHash('sha256').update(html).digest('hex');
  const held = printed.get(key);
  if (held) return held;
  if (!existsSync(chromiumPath)) {
    throw new HttpError(503, `服务器未安装 Chromium（${chromiumPath}），暂不能导出 PDF；可下载 Word（.docx）版本，或由管理员安装 chromium 并设置 FAZHI_CHROMIUM_PATH`);
  }
  if (waiting >= 4) throw new HttpError(503, '正在生成其他 PDF，请稍后重试；也可下载 Word（.docx）版本');
  waiting++;
  const print = queue.then(() => printHtml(html, chromiumPath)).finally(() => waiting--);
  queue = print.catch(() => undefined);
  const pdf = await print;
  printed.set(key, pdf);
  if (printed.size > 20) printed.delete(printed.keys().next().value!);
  return pdf;
}

async function printHtml(html: string, chromiumPath: string): Promise<Buffer> {
  // Loaded when first printing: playwright-core alone takes ~0.8 s to load, on every start otherwise.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    // The narrative is sanitised on save; still, the page runs no script and fetches nothing.
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (r) => r.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  } finally {
    await browser.close();
  }
}
