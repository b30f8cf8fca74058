import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { Readable } from 'node:stream';
import { eachElement, SharedStrings } from '../../src/server/platform/sheet-reader.ts';
import { readSheet, type CellValue } from '../../src/server/platform/xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'gendan-sheet-'));
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
let files = 0;

/** A hand-written .xlsx: sheet XML (rows only, or a whole document), optional shared strings and workbook order. */
async function xlsx(parts: { rows?: string; sheet?: string; strings?: string[] | string; sheets?: Record<string, string>; order?: string[] }): Promise<string> {
  const zip = new JSZip();
  const sheets = parts.sheets ?? { sheet1: parts.sheet ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${parts.rows ?? ''}</sheetData></worksheet>` };
  const order = parts.order ?? Object.keys(sheets);
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${order.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId_${s}"/>`).join('')}</sheets></workbook>`);
  const rels = Object.keys(sheets).map((s) => `<Relationship Id="rId_${s}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/${s}.xml"/>`);
  if (parts.strings !== undefined) rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  for (const [name, xml] of Object.entries(sheets)) zip.file(`xl/worksheets/${name}.xml`, xml);
  if (typeof parts.strings === 'string') zip.file('xl/sharedStrings.xml', parts.strings);
  else if (parts.strings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${parts.strings.length}">${parts.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  const path = join(dir, `f${files++}.xlsx`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

async function read(path: string): Promise<{ header: CellValue[]; rows: [number, CellValue[]][] }> {
  let header: CellValue[] = [];
  const rows: [number, CellValue[]][] = [];
  await readSheet(path, (h) => (header = h), (n, cells) => void rows.push([n, cells]));
  return { header, rows };
}

const refused = (err: { code?: string; details?: { reason?: string } }) => err.code === 'IMPORT_FILE_INVALID';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('first-worksheet reader', () => {
  test('cell references with gaps put values in their columns; missing rows are skipped, row numbers kept', async () => {
    const path = await xlsx({
      rows:
        `<row r="1">${inline('A1', '名称')}${inline('D1', '电话')}</row>` +
        `<row r="3" spans="1:4"><c r="B3"><v>12.5</v></c><c r="D3" t="inlineStr"><is><t>138</t></is></c></row>` +
        `<row r="7"><c r="AA7"><v>1</v></c></row>`,
    });
    const { header, rows } = await read(path);
    assert.deepEqual(header, ['名称', null, null, '电话']);
    assert.deepEqual(rows[0], [3, [null, 12.5, null, '138']]);
    assert.equal(rows[1][0], 7);
    assert.equal(rows[1][1].length, 27, 'AA is the 27th column');
    assert.equal(rows[1][1][26], 1);
  });

  test('cells and rows without a reference follow the one before', async () => {
    const path = await xlsx({ rows: `<row>${inline('', 'a').replace(' r=""', '')}<c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>` });
    assert.deepEqual(await read(path), { header: ['a', 2], rows: [[2, [null, null, 3, 4]]] });
  });

  test('inline strings and shared strings, with rich-text runs joined and phonetic runs left out', async () => {
    const path = await xlsx({
      strings: ['<t>客户</t>', '<r><rPr><b/></rPr><t>江苏</t></r><r><t xml:space="preserve"> 苏州</t></r>', '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>', '<t/>'],
      rows:
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><r><t>上海</t></r><r><rPr><i/></rPr><t>浦东</t></r></is></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>99</v></c><c r="D2" t="s"><v>1</v></c></row>`,
    });
    assert.deepEqual(await read(path), { header: ['客户', '江苏 苏州', '東京'], rows: [[2, ['上海浦东', '', null, '江苏 苏州']]] });
  });

  test('the five XML entities and numeric character references are decoded, CDATA kept as written', async () => {
    const path = await xlsx({
      strings: ['<t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;</t>', '<t>&#20013;&#x6587;&#x1F600;</t>'],
      rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inline('C1', '1 &lt; 2')}<c r="D1" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c></row>`,
    });
    assert.deepEqual((await read(path)).header, ['<a> & "b" \'c\'', '中文😀', '1 < 2', '<b>&amp;</b>']);
  });

  test('formulas give their cached result and are never evaluated; numbers, booleans, errors and empty cells', async () => {
    const path = await xlsx({
      rows:
        `<row r="1">${inline('A1', 'h')}</row>` +
        `<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>HYPERLINK("http://evil.example","公式客户")</f><v>公式客户</v></c>` +
        `<c r="C2"><f>NOW()</f></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#N/A</v></c>` +
        `<c r="G2" s="3"/><c r="H2"><v>-1.5E-3</v></c><c r="I2" t="str"><f t="shared" ref="I2:I3" si="0"/><v>x</v></c><c r="J2" t="d"><v>2026-03-15T00:00:00</v></c></row>`,
    });
    assert.deepEqual((await read(path)).rows, [[2, [2, '公式客户', null, true, false, null, null, -0.0015, 'x', '2026-03-15']]]);
  });

  test('dates stored as numbers stay Excel serial numbers, as exceljs gave them to the imports', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['交期', '数量']);
    ws.addRow([new Date('2026-03-15T00:00:00Z'), 3]);
    const path = join(dir, 'dates.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual((await read(path)).rows, [[2, [46096, 3]]]);
  });

  test('an external entity (XXE) is never expanded: a DTD, or an entity it would declare, is refused', async () => {
    const dtd = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    for (const path of [
      await xlsx({ sheet: dtd }),
      await xlsx({ rows: `<row r="1">${inline('A1', '&xxe;')}</row>` }),
      await xlsx({ strings: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst ${NS}><si><t>&b;</t></si></sst>`, rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }),
    ]) {
      const cells: CellValue[] = [];
      await assert.rejects(readSheet(path, (h) => void cells.push(...h), (_n, c) => void cells.push(...c)), refused);
      assert.ok(!JSON.stringify(cells).includes('root:') && !JSON.stringify(cells).includes('aaaa'), JSON.stringify(cells));
    }
  });

  test('malformed or oversized content is refused as IMPORT_FILE_INVALID, never half-read silently', async () => {
    for (const rows of [
      `<row r="1"><c r="XFE1"><v>1</v></c></row>`, // beyond Excel's last column
      `<row r="1">${inline('A1', 'a & b')}</row>`, // bare ampersand
      `<row r="1">${inline('A1', '&#0;')}</row>`, // not a character
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(6_000_000)}</t></is></c></row>`, // one 18 MB row
    ]) {
      await assert.rejects(read(await xlsx({ rows })), refused, rows.slice(0, 60));
    }
  });

  test('the first worksheet is the first in workbook order, not the lowest-numbered file', async () => {
    const sheet = (text: string) => `<worksheet ${NS}><sheetData><row r="1">${inline('A1', text)}</row></sheetData></worksheet>`;
    const path = await xlsx({ sheets: { sheet1: sheet('第二张'), sheet2: sheet('第一张') }, order: ['sheet2', 'sheet1'] });
    assert.deepEqual((await read(path)).header, ['第一张']);
  });

  test('rows split across inflated chunks read whole: 30,000 shared-string rows match what was written', async () => {
    const path = join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = wb.addWorksheet('客户');
    ws.addRow(['名称', '电话', '金额']).commit();
    for (let i = 0; i < 30_000; i++) ws.addRow([`江苏客户${i}号（苏州）`, `139${String(i).padStart(8, '0')}`, i + 0.25]).commit();
    ws.commit();
    await wb.commit();
    let bad = 0;
    let n = 0;
    await readSheet(path, () => {}, (row, cells) => {
      const i = row - 2;
      n += 1;
      if (cells[0] !== `江苏客户${i}号（苏州）` || cells[1] !== `139${String(i).padStart(8, '0')}` || cells[2] !== i + 0.25) bad += 1;
    });
    assert.deepEqual({ n, bad }, { n: 30_000, bad: 0 });
  });

  test('chunks of any size keep their order: a small chunk held back behind an open element is not overtaken by a bigger one', async () => {
    // Inflate hands over chunks of varying size. Here '<row>ab' is open when 'c' (smaller than
    // what is held) arrives and waits; the next chunk is bigger than what is held.
    const chunks = ['<x><row>ab', 'c', `d</row><row>e</row>${' '.repeat(64)}`, 'f<row>g</row></x>'].map((c) => Buffer.from(c));
    const rows: string[] = [];
    await eachElement(Readable.from(chunks), 'row', (buf, start, gt, end) => void rows.push(buf.subarray(gt + 1, end - '</row>'.length).toString()));
    assert.deepEqual(rows, ['abcd', 'e', 'g']);
  });

  test('a long row spread over many inflated chunks reads whole, and the rows around it too', async () => {
    const long = '长'.repeat(1_000_000) + '尾';
    const path = await xlsx({ rows: `<row r="1">${inline('A1', '头')}</row><row r="2">${inline('A2', long)}<c r="B2"><v>2</v></c></row><row r="3">${inline('A3', '末')}</row>` });
    const { header, rows } = await read(path);
    assert.deepEqual(header, ['头']);
    assert.deepEqual(rows.map(([n, c]) => [n, (c[0] as string).length, (c[0] as string).at(-1), c[1] ?? null]), [
      [2, 1_000_001, '尾', 2],
      [3, 1, '末', null],
    ]);
  });

  test("a caller's own failure (say, a database error while writing a chunk) comes back as it is, not as an unreadable file", async () => {
    const path = await xlsx({ rows: `<row r="1">${inline('A1', 'h')}</row><row r="2">${inline('A2', 'x')}</row>` });
    const boom = new Error('database is locked');
    await assert.rejects(readSheet(path, () => {}, () => { throw boom; }), (err) => err === boom);
    await assert.rejects(readSheet(path, () => {}, async () => Promise.reject(boom)), (err) => err === boom);
    await assert.rejects(readSheet(path, () => { throw boom; }, () => {}), (err) => err === boom);
    await assert.rejects(read(await xlsx({ rows: '<row r="1"><c r="A1"><v>1</v></c' })), refused, 'a truncated file is still the file');
  });

  test('the shared-string table returns every string by index across its blocks, and null outside it', () => {
    const sst = new SharedStrings();
    const all = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? '' : `串${i}-${'x'.repeat(i % 13)}`));
    for (const s of all) sst.add(s);
    sst.seal();
    for (let i = 0; i < all.length; i++) assert.equal(sst.get(i), all[i]);
    assert.equal(sst.get(10_000), null);
    assert.equal(sst.get(-1), null);
    assert.equal(sst.get(Number.NaN), null);
  });
});
