// The score sheet (.xlsx: units × lines, with totals, grades and ranks) and the results notice
// (.docx in the GB/T 9704 style of the platform's documents: 小标宋 title, 仿宋 3号 body, a table).
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Platform } from '../../kernel/platform.ts';
import { countyName } from '../../kernel/numbering/index.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { chineseDate } from '../../../shared/schemas/reports.ts';
import type { UnitResult } from '../../../shared/schemas/assessment.ts';
import type { SchemeTable } from './tables.ts';
import { engineLines, schemeLines } from './schemes.ts';

export async function scoreSheet(platform: Platform, scheme: SchemeTable, results: readonly UnitResult[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const leaves = engineLines(await schemeLines(platform.db, scheme.id));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi 法治政府建设综合管理平台';
  const sheet = workbook.addWorksheet('考评得分', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = [
    { header: '单位编码', width: 14 },
    { header: '单位', width: 26 },
    { header: '考评类别', width: 10 },
    ...leaves.map((l) => ({ header: `${l.code} ${l.points}分`, width: 10 })),
    { header: '总分', width: 9 },
    { header: '等次', width: 8 },
    { header: '类别内排名', width: 10 },
    { header: '一票否决', width: 9 },
    { header: '计入绩效分', width: 11 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of results) {
    sheet.addRow([r.unitCode, r.unitName, r.category, ...leaves.map((l) => (l.code in r.lines ? (r.lines[l.code] ?? '不适用') : '—')), r.total, r.grade, r.rank, r.vetoed ? '是' : '否', r.contribution]);
  }
  const legend = workbook.addWorksheet('指标说明');
  legend.columns = [{ header: '编码', width: 10 }, { header: '评分方式', width: 12 }, { header: '分值', width: 8 }, { header: '关联指标', width: 28 }, { header: '公式', width: 36 }];
  legend.getRow(1).font = { bold: true };
  for (const l of leaves) legend.addRow([l.code, l.method, l.points, l.indicator ?? '', l.formula ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FANGSONG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' };
const HEITI = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体', cs: '黑体' };
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体', cs: '方正小标宋简体' };
const para = (text: string, options: { font?: typeof FANGSONG; right?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: options.indent === false || options.right ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: options.font ?? FANGSONG, size: 32 })],
  });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: FANGSONG, size: 24, bold })] })] });

/** 考评结果通报: the results by category, with grades and ranks (a draft to be signed and sealed). */
export async function resultsNotice(platform: Platform, scheme: SchemeTable, results: readonly UnitResult[], final: boolean): Promise<Buffer> {
  const county = await countyName(platform.db, scheme.unit_id);
  const office = await platform.db.selectFrom('org_units').select('name').where('id', '=', scheme.unit_id).executeTakeFirst();
  const categories = [...new Set(results.map((r) => r.category))];
  const excellent = results.filter((r) => r.grade === '优秀').length;
  const failed = results.filter((r) => r.grade === '不合格').length;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: `关于${county}${scheme.year}年度法治政府建设考评${final ? '' : '初评'}结果的通报`, font: TITLE_FONT, size: 44 })] }),
    para('各乡镇人民政府、街道办事处，县直各单位：', { indent: false }),
    para(`按照《${scheme.title}》，${final ? '经单位自评、考评组评分、初评结果公布和异议答复，' : '经单位自评和考评组评分，'}现将${scheme.year}年度法治政府建设考评${final ? '' : '初评'}结果通报如下。共考评 ${results.length} 个单位，其中优秀 ${excellent} 个，不合格 ${failed} 个。`),
  ];
  categories.forEach((category, i) => {
    children.push(para(`${['一', '二', '三', '四', '五', '六'][i] ?? i + 1}、${category}`, { font: HEITI }));
    const rows = results.filter((r) => r.category === category);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['排名', '单位', '得分', '等次', '计入绩效分'].map((h) => cell(h, true)) }),
          ...rows.map((r) => new TableRow({ children: [cell(String(r.rank)), cell(r.unitName), cell(r.total.toFixed(2)), cell(r.vetoed ? `${r.grade}（一票否决）` : r.grade), cell(String(r.contribution))] })),
        ],
      }),
    );
  });
  children.push(para('各单位要对照考评中发现的问题，认真分析原因，抓好整改落实，持续推进法治政府建设。'));
  children.push(para(office?.name ?? `${county}法治政府建设领导小组办公室`, { right: true }));
  children.push(para(chineseDate(chinaToday()), { right: true }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
