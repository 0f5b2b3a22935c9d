// The streaming import reader: reads what Excel, WPS and ExcelJS write the way the ExcelJS-based
// reader did, and enforces each limit at its boundary.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseImportFile, ReadRefused, type HeaderField, type ReadLimits } from './parse.ts';
import { zipOf } from '../../../../test/xlsx-bomb.ts';

const FIELDS: HeaderField[] = [
  { name: 'ref', label: '编号', required: true },
  { name: 'when', label: '日期' },
  { name: 'n', label: '数量' },
  { name: 'flag', label: '是否' },
  { name: 'note', label: '备注' },
];
const LIMITS: ReadLimits = { rows: 100_000, xmlBytes: 160 * 2 ** 20, depth: 32 };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadRefused) return error.errors.map((e) => e.message).join('\n');
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const sheetXml = (rows: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

/** A workbook from raw parts: the sheet XML, and optionally shared strings, styles and workbook properties. */
function workbook(sheet: string, extra: { shared?: string; styles?: string; workbookPr?: string } = {}) {
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
    extra.shared ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>' : '',
    extra.styles ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '',
  ].join('');
  const files: [string, string][] = [
    ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra.workbookPr ?? ''}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  if (extra.shared) files.push(['xl/sharedStrings.xml', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.shared}</sst>`]);
  if (extra.styles) files.push(['xl/styles.xml', `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.styles}</styleSheet>`]);
  return zipOf(files);
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>日期</t></is></c><c r="C1" t="inlineStr"><is><t>数量</t></is></c><c r="D1" t="inlineStr"><is><t>是否</t></is></c><c r="E1" t="inlineStr"><is><t>备注</t></is></c></row>';

describe('xlsx', () => {
  it('reads an ExcelJS workbook as the ExcelJS reader did: dates, numbers, booleans, rich text, formula results, blank rows skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['编号', '日期', '数量', '是否', '备注']);
    sheet.addRow(['A-1', new Date(Date.UTC(2025, 4, 6)), 42, true, { richText: [{ text: '甲' }, { text: '乙', font: { bold: true } }] }]);
    sheet.addRow([]);
    sheet.addRow(['A-2', '2025-06-01', 1.5, false, { formula: '1+6', result: 7 }]);
    wb.addWorksheet('说明').addRow(['ignored']);
    const read = await parseImportFile('xlsx', FIELDS, Buffer.from(await wb.xlsx.writeBuffer()), LIMITS);
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      { row: 2, cells: { ref: 'A-1', when: '2025-05-06', n: '42', flag: 'true', note: '甲乙' } },
      { row: 4, cells: { ref: 'A-2', when: '2025-06-01', n: '1.5', flag: 'false', note: '7' } },
    ]);
  });

  it('reads shared strings without phonetic runs, namespace prefixes, rows and cells without references, entities, CJK and custom date formats, the 1904 system', async () => {
    const shared = '<si><t>编号</t></si><si><r><t>日</t></r><r><t>期</t></r><rPh sb="0" eb="1"><t>ri</t></rPh></si><si><t xml:space="preserve"> B&amp;1 </t></si>';
    const styles = '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="176"/></cellXfs>';
    const rows =
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>45783</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>C-1</x:t></x:is></x:c><x:c s="2"><x:v>45783</x:v></x:c></x:row>';
    const read = await parseImportFile('xlsx', FIELDS, await workbook(sheetXml(rows, 'x:'), { shared, styles }), LIMITS);
    expect(read.rows).toEqual([
      { row: 2, cells: { ref: 'B&1', when: '2025-05-06' } },
      { row: 3, cells: { ref: 'C-1', when: '2025-05-06' } },
    ]);
    const in1904 = await parseImportFile('xlsx', FIELDS, await workbook(sheetXml(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="B2" s="1"><v>44321</v></c></row>`), { styles, workbookPr: '<workbookPr date1904="1"/>' }), LIMITS);
    expect(in1904.rows[0].cells.when).toBe('2025-05-06');
  });

  it('reports unknown and missing header columns as row-1 errors', async () => {
    const read = await parseImportFile('xlsx', FIELDS, await workbook(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>颜色</t></is></c></row>')), LIMITS);
    expect(read.errors).toEqual([
      { row: 1, column: '颜色', message: '未知的列「颜色」' },
      { row: 1, column: '编号（ref）', message: '缺少必填列「编号」（ref）' },
    ]);
  });

  it('stops at the row cap: the cap itself is read, one row more is refused', async () => {
    const rows = (n: number) => HEADER + Array.from({ length: n }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>R${i}</t></is></c></row>`).join('');
    expect((await parseImportFile('xlsx', FIELDS, await workbook(sheetXml(rows(3))), { ...LIMITS, rows: 3 })).rows).toHaveLength(3);
    expect(await refusal(parseImportFile('xlsx', FIELDS, await workbook(sheetXml(rows(4))), { ...LIMITS, rows: 3 }))).toContain('文件超过 3 个数据行');
  });

  it('stops once the inflated XML passes the cap, counting every part read', async () => {
    const file = await workbook(sheetXml(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(30_000)}</t></is></c></row>`));
    expect((await parseImportFile('xlsx', FIELDS, file, { ...LIMITS, xmlBytes: 40_000 })).rows).toHaveLength(1);
    expect(await refusal(parseImportFile('xlsx', FIELDS, file, { ...LIMITS, xmlBytes: 20_000 }))).toContain('解压后的内容超过');
    const sharedBomb = await workbook(sheetXml(HEADER), { shared: `<si><t>${'y'.repeat(30_000)}</t></si>` });
    expect(await refusal(parseImportFile('xlsx', FIELDS, sharedBomb, { ...LIMITS, xmlBytes: 20_000 }))).toContain('解压后的内容超过');
  });

  it('refuses a cell longer than Excel allows, a column past XFD, a zip without a workbook, an encrypted or truncated zip', async () => {
    expect(await refusal(parseImportFile('xlsx', FIELDS, await workbook(sheetXml(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>${'z'.repeat(40_000)}</t></is></c></row>`)), LIMITS))).toContain('单元格内容超过 32767 个字符');
    expect(await refusal(parseImportFile('xlsx', FIELDS, await workbook(sheetXml('<row r="1"><c r="XFE1" t="inlineStr"><is><t>编号</t></is></c></row>')), LIMITS))).toContain('不是有效的 xlsx');
    expect(await refusal(parseImportFile('xlsx', FIELDS, await zipOf([['readme.txt', 'hello']]), LIMITS))).toContain('不是有效的 xlsx');
    const file = await workbook(sheetXml(HEADER));
    expect(await refusal(parseImportFile('xlsx', FIELDS, file.subarray(0, file.length - 40), LIMITS))).toContain('不是有效的 xlsx');
    const encrypted = Buffer.from(file);
    const cd = encrypted.readUInt32LE(encrypted.length - 6);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8);
    expect(await refusal(parseImportFile('xlsx', FIELDS, encrypted, LIMITS))).toContain('已加密');
  });
});

describe('csv and jsonl', () => {
  it('csv: the cap itself is read, one row more is refused', async () => {
    const csv = (n: number) => Buffer.from(['ref,note', ...Array.from({ length: n }, (_, i) => `R${i},甲`)].join('\n'));
    expect((await parseImportFile('csv', FIELDS, csv(3), { ...LIMITS, rows: 3 })).rows).toHaveLength(3);
    expect(await refusal(parseImportFile('csv', FIELDS, csv(4), { ...LIMITS, rows: 3 }))).toContain('文件超过 3 个数据行');
  });

  it('jsonl: a line nested to the depth limit is read, one level more is reported on its row; the row cap counts lines', async () => {
    const deep = (levels: number) => `{"ref":"J","note":${'['.repeat(levels - 1)}"x"${']'.repeat(levels - 1)}}`;
    const read = await parseImportFile('jsonl', FIELDS, Buffer.from(`${deep(32)}\n${deep(33)}\n`), LIMITS);
    expect(read.rows).toEqual([{ row: 1, cells: { ref: 'J', note: 'x' } }]);
    expect(read.errors).toEqual([{ row: 2, column: '', message: '该行嵌套过深（超过 32 层），应为一个扁平的 JSON 对象' }]);
    expect(await refusal(parseImportFile('jsonl', FIELDS, Buffer.from('{"ref":"A"}\n\n{"ref":"B"}\nnot json\n'), { ...LIMITS, rows: 2 }))).toContain('文件超过 2 个数据行');
  });
});
