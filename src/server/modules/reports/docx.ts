// The report as an official document (GB/T 9704-2012 党政机关公文格式): A4; margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 2号 centred; body 仿宋_GB2312 3号
// with a two-character first-line indent and 28-point lines; level-1 headings in 黑体, level-2 in
// 楷体_GB2312; issuing body and date at the end; page numbers "— 1 —" in 4号宋体, outside edge.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { chineseDate, type PublicReport } from '../../../shared/schemas/reports.ts';

const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SONGTI = '宋体';
/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { 2: 44, 3: 32, 4: 28 } as const;
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT = { firstLine: 640 };

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, face: string, size: number, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: font(face), size, ...extra });

interface Style {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** The runs of an inline subtree, with bold/italic/underline carried down. */
function runsOf(nodes: ChildNode[], style: Style, face: string): TextRun[] {
  const out: TextRun[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ');
      if (text.trim()) out.push(run(text, face, SIZE[3], { bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined }));
    } else if (node.type === 'tag') {
      const el = node as Element;
      if (el.name === 'br') out.push(new TextRun({ break: 1 }));
      else {
        const next = { ...style, bold: style.bold || el.name === 'strong' || el.name === 'b', italics: style.italics || el.name === 'em' || el.name === 'i', underline: style.underline || el.name === 'u' };
        out.push(...runsOf(el.children, next, face));
      }
    }
  }
  return out;
}

const BLOCKS = new Set(['p', 'h3', 'h4', 'li', 'blockquote', 'ul', 'ol']);

/** Narrative HTML (already sanitised) as body paragraphs. */
export function paragraphsOf(html: string): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (nodes: ChildNode[]) => {
    let inline: ChildNode[] = [];
    const flush = () => {
      const runs = runsOf(inline, {}, FANGSONG);
      if (runs.length) out.push(new Paragraph({ children: runs, indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED }));
      inline = [];
    };
    for (const node of nodes) {
      const el = node as Element;
      if (node.type !== 'tag' || !BLOCKS.has(el.name)) {
        inline.push(node);
        continue;
      }
      flush();
      if (el.name === 'ul' || el.name === 'ol') {
        // Official documents number their items in the text: 1. 2. … for ordered lists, · otherwise.
        const items = el.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'li');
        items.forEach((li, i) => {
          const runs = runsOf(li.children, {}, FANGSONG);
          if (runs.length) out.push(new Paragraph({ children: [run(el.name === 'ol' ? `${i + 1}. ` : '· ', FANGSONG, SIZE[3]), ...runs], indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED }));
        });
      } else if (el.name === 'h3' || el.name === 'h4') {
        const runs = runsOf(el.children, { bold: el.name === 'h4' }, el.name === 'h3' ? KAITI : FANGSONG);
        if (runs.length) out.push(new Paragraph({ children: runs, indent: INDENT, spacing: LINE }));
      } else {
        const runs = runsOf(el.children, {}, FANGSONG);
        if (runs.length) out.push(new Paragraph({ children: runs, indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED }));
      }
    }
    flush();
  };
  walk(parseDocument(html).children);
  return out;
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        // One character in from the outside edge.
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(SONGTI), size: SIZE[4] })],
      }),
    ],
  });
}

export async function reportDocx(report: PublicReport & { sections: NonNullable<PublicReport['sections']> }): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(report.title, XIAOBIAOSONG, SIZE[2])] }),
    new Paragraph({ spacing: LINE, children: [] }),
  ];
  for (const section of report.sections) {
    body.push(new Paragraph({ indent: INDENT, spacing: LINE, children: [run(section.heading, section.level === 1 ? HEITI : KAITI, SIZE[3])] }));
    body.push(...paragraphsOf(section.html));
  }
  body.push(new Paragraph({ spacing: LINE, children: [] }));
  // 发文机关署名 and 成文日期: right-aligned, four characters in from the right margin.
  body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: LINE, children: [run(report.issuer, FANGSONG, SIZE[3])] }));
  if (report.issuedDate) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: LINE, children: [run(chineseDate(report.issuedDate), FANGSONG, SIZE[3])] }));

  const doc = new Document({
    creator: report.issuer,
    title: report.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE[3] } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(23) },
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
