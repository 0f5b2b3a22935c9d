// Builds hostile xlsx files for tests and the bench: a zip whose sheet XML inflates to far more
// than the file's size (repetitive XML deflates ~300×). The XML is streamed through the deflater,
// so a 462 MB sheet never sits in memory.
import { createDeflateRaw, crc32 } from 'node:zlib';
import { Readable } from 'node:stream';

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  method: 0 | 8;
}

async function deflateEntry(name: string, chunks: Iterable<string>): Promise<Entry> {
  let crc = 0;
  let size = 0;
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const source = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        const b = Buffer.from(chunk, 'utf8');
        crc = crc32(b, crc);
        size += b.length;
        yield b;
      }
    })(),
  );
  source.pipe(deflate);
  await done;
  return { name, data: Buffer.concat(out), crc, size, method: 8 };
}

/** A zip (no zip64) of the given entries, deflated. */
export async function zipOf(files: [name: string, content: string | Iterable<string>][]): Promise<Buffer> {
  const entries: Entry[] = [];
  for (const [name, content] of files) entries.push(await deflateEntry(name, typeof content === 'string' ? [content] : content));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

export interface BombOptions {
  /** Header cells (row 1), as inline strings. */
  headers: string[];
  /** Data rows after the header. */
  rows: number;
  /** Inline text of each data row's cells (one cell per header). */
  cell?: (row: number, col: number) => string;
  /** Extra bytes of padding text in every data row's first cell (to inflate the XML without adding rows). */
  padding?: number;
  /** Cells per data row (default: one per header). */
  dataCells?: number;
  /** Leave out the row and cell references (r="B7"), as some writers do; the XML then deflates ~1000×. */
  noRefs?: boolean;
}

/** A minimal valid xlsx (one sheet, inline strings) with `rows` data rows, streamed into the zip. */
export async function xlsxBomb(options: BombOptions): Promise<Buffer> {
  const { headers, rows, cell = () => 'x', padding = 0, dataCells = headers.length, noRefs = false } = options;
  const pad = 'x'.repeat(padding);
  const inline = (ref: string, value: string) => `<c${noRefs ? '' : ` r="${ref}"`} t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
  function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row r="1">${headers.map((h, i) => inline(`${colName(i)}1`, h)).join('')}</row>`;
    let batch = '';
    for (let r = 2; r <= rows + 1; r++) {
      batch += `<row${noRefs ? '' : ` r="${r}"`}>${headers.slice(0, dataCells).map((_, i) => inline(`${colName(i)}${r}`, (i === 0 ? pad : '') + cell(r, i))).join('')}</row>`;
      if (batch.length > 1 << 20) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</sheetData></worksheet>`;
  }
  return zipOf([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', sheet()],
  ]);
}
