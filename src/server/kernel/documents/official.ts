// Official documents (GB/T 9704-2012 党政机关公文格式), for every module that prints one: A4; margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 2号 centred; body 仿宋_GB2312 3号
// with a two-character first-line indent and 28-point lines; level-1 headings in 黑体, level-2 in
// 楷体_GB2312; tables in 仿宋 小四; issuing body and date at the end; page numbers "— 1 —" in 4号宋体,
// outside edge.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions } from 'docx';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { chineseDate } from '../../../shared/schemas/reports.ts';

const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SONGTI = '宋体';
/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { 2: 44, 3: 32, 4: 28, small4: 24 } as const;
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

/** A level-1 (黑体) or level-2 (楷体) heading, indented like the body. */
export const headingParagraph = (text: string, level: 1 | 2) => new Paragraph({ indent: INDENT, spacing: LINE, children: [run(text, level === 1 ? HEITI : KAITI, SIZE[3])] });

/** Plain text as body paragraphs, one per line (blank lines dropped). */
export const textParagraphs = (text: string): Paragraph[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => new Paragraph({ children: [run(line, FANGSONG, SIZE[3])], indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED }));

export interface GridCell {
  text: string;
  columnSpan?: number;
  rowSpan?: number;
  /** Header cells are bold and centred; numbers are centred; other text is left-aligned. */
  head?: boolean;
  align?: 'left' | 'center';
}

/** A table as the prescribed forms print it: full width, single lines, 仿宋 小四, merged cells as given. */
export const gridTable = (rows: readonly (readonly GridCell[])[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.columnSpan,
                rowSpan: c.rowSpan,
                verticalAlign: VerticalAlign.CENTER,
                children: [new Paragraph({ alignment: c.head || c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(c.text, FANGSONG, SIZE.small4, { bold: c.head })] })],
              }),
          ),
        }),
    ),
  });

/** A blank body line (before a signature, after a table). */
export const blankLine = () => new Paragraph({ spacing: LINE, children: [] });

export interface OfficialDocument {
  title: string;
  issuer: string;
  issuedDate: string | null;
  body: readonly (Paragraph | Table)[];
}

/** The document: title, body, then 发文机关署名 and 成文日期; A4 with the standard's margins and page numbers. */
export async function officialDocx(document: OfficialDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(document.title, XIAOBIAOSONG, SIZE[2])] }),
    blankLine(),
    ...document.body,
    blankLine(),
  ];
  // 发文机关署名 and 成文日期: right-aligned, four characters in from the right margin.
  body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: LINE, children: [run(document.issuer, FANGSONG, SIZE[3])] }));
  if (document.issuedDate) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: LINE, children: [run(chineseDate(document.issuedDate), FANGSONG, SIZE[3])] }));

  const doc = new Document({
    creator: document.issuer,
    title: document.title,
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
