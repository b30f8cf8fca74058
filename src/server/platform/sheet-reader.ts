/**
 * Reads the cell values of an .xlsx file's first worksheet, streaming, without exceljs: the
 * zip's central directory (zip.ts, with its per-entry inflate cap) gives the shared strings
 * and the sheet, and a byte scanner picks <row>, <c>, <v>, <is>/<t> out of the inflated XML.
 * Cells come back as plain data — text, numbers, booleans, null — and a formula gives its
 * cached result; formulas are never evaluated. There is no DTD support at all: a part that
 * declares one is refused, and only the five predefined entities and numeric character
 * references are decoded (any other `&name;` is refused), so external entities (XXE) and
 * entity expansion cannot happen. Dates are numbers (Excel serials), as styles are not read.
 *
 * Why not exceljs: its streaming reader builds row, cell and style objects and SAX events for
 * every cell; this scanner makes one array per row, and its strings are copied out of the
 * inflated bytes, so nothing retains the chunks they came from.
 */
import type { Readable } from 'node:stream';
import { AppError } from './http/errors.ts';
import { zipEntries, zipEntryStream, type ZipEntry } from './zip.ts';

export type CellValue = string | number | boolean | null;

/** Bytes one element (a row, a shared string) may take: far beyond a real row, far below the heap. */
const MAX_ELEMENT = 16 * 1024 * 1024;
/** Characters the shared-string table may hold (a 200,000-row file of unique text needs a fraction). */
const MAX_SHARED_CHARS = 64 * 1024 * 1024;
/** XFD, Excel's last column. */
const MAX_COLUMNS = 16_384;
/** Small parts (workbook, relationships) are read whole, up to this size. */
const MAX_SMALL_PART = 8 * 1024 * 1024;
/** Inflated chunk size: fewer, larger chunks for the scanner. */
const CHUNK = 64 * 1024;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, EQ = 0x3d, QUOT = 0x22, APOS = 0x27, BANG = 0x21;
const a_ = 0x61, b_ = 0x62, c_ = 0x63, d_ = 0x64, e_ = 0x65, f_ = 0x66, h_ = 0x68, i_ = 0x69, P_ = 0x50, r_ = 0x72, s_ = 0x73, t_ = 0x74, v_ = 0x76;

const unreadable = (message: string) => new AppError('IMPORT_FILE_INVALID', { reason: 'unreadable', message });

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** The byte after a tag name: whitespace, `>` or `/` (so `<c` is not `<col`). */
const ends = (b: number | undefined) => b === GT || b === SLASH || (b !== undefined && isSpace(b));

// ---- text ----------------------------------------------------------------------------------

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and numeric character references; anything else is refused. */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][\w.-]*))?;?/g, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (!all.endsWith(';')) throw unreadable('bare & in XML text');
    if (name !== undefined) {
      const ch = PREDEFINED[name];
      if (ch === undefined) throw unreadable(`entity &${name}; is not allowed`);
      return ch;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw unreadable('invalid character reference');
    return String.fromCodePoint(code);
  });
}

/** Text between two markup positions: copied out of the buffer, CDATA kept verbatim, entities decoded, line ends normalized. */
function textOf(buf: Buffer, from: number, to: number): string {
  let s = buf.toString('utf8', from, to);
  if (s.includes('<')) {
    let out = '';
    let p = 0;
    for (let open = s.indexOf('<![CDATA[', p); open >= 0; open = s.indexOf('<![CDATA[', p)) {
      const close = s.indexOf(']]>', open + 9);
      if (close < 0) throw unreadable('unterminated CDATA');
      out += decodeEntities(s.slice(p, open)) + s.slice(open + 9, close);
      p = close + 3;
    }
    s = out + decodeEntities(s.slice(p));
  } else if (s.includes('&')) s = decodeEntities(s);
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** Index of the `<` that closes a text run (skipping CDATA sections), or -1 if it is not in range. */
function textEnd(buf: Buffer, p: number, to: number): number {
  for (; p < to; p++) {
    if (buf[p] !== LT) continue;
    if (buf[p + 1] !== BANG) return p;
    const close = buf.indexOf(']]>', p);
    if (close < 0 || close >= to) return -1;
    p = close + 2;
  }
  return -1;
}

/** Index of the `>` ending the tag whose attributes start at `p` (quotes respected), or -1. */
function tagEnd(buf: Buffer, p: number, to: number): number {
  for (; p < to; p++) {
    const b = buf[p];
    if (b === GT) return p;
    if (b === QUOT || b === APOS) {
      p = buf.indexOf(b, p + 1);
      if (p < 0 || p >= to) return -1;
    }
  }
  return -1;
}

// Attribute positions from the last scanAttrs call (module state: one allocation fewer per cell).
let rFrom = -1, rTo = -1, tFrom = -1, tTo = -1;

/** Scans attributes from `p` to the tag's `>` (returned), noting where `r` and `t` values lie. */
function scanAttrs(buf: Buffer, p: number, to: number): number {
  rFrom = rTo = tFrom = tTo = -1;
  while (p < to) {
    const b = buf[p];
    if (b === GT) return p;
    if (isSpace(b) || b === SLASH) {
      p++;
      continue;
    }
    const name = p;
    while (p < to && buf[p] !== EQ && buf[p] !== GT && !isSpace(buf[p])) p++;
    const nameLen = p - name;
    while (p < to && isSpace(buf[p])) p++;
    if (buf[p] !== EQ) continue;
    p++;
    while (p < to && isSpace(buf[p])) p++;
    const q = buf[p];
    if (q !== QUOT && q !== APOS) throw unreadable('malformed attribute');
    const end = buf.indexOf(q, p + 1);
    if (end < 0 || end >= to) return -1;
    if (nameLen === 1 && buf[name] === r_) (rFrom = p + 1), (rTo = end);
    else if (nameLen === 1 && buf[name] === t_) (tFrom = p + 1), (tTo = end);
    p = end + 1;
  }
  return -1;
}

/** Text of a rich-text container (<si> or <is>): all <t> runs joined, phonetic runs (<rPh>) left out. */
function richText(buf: Buffer, p: number, to: number): string {
  let out = '';
  while (p < to) {
    if (buf[p] !== LT) {
      p++;
      continue;
    }
    if (buf[p + 1] === t_ && ends(buf[p + 2])) {
      const gt = tagEnd(buf, p + 2, to);
      if (gt < 0) throw unreadable('malformed <t>');
      if (buf[gt - 1] === SLASH) {
        p = gt + 1;
        continue;
      }
      const end = textEnd(buf, gt + 1, to);
      if (end < 0) throw unreadable('unterminated <t>');
      out += textOf(buf, gt + 1, end);
      p = end + 1;
    } else if (buf[p + 1] === r_ && buf[p + 2] === P_ && buf[p + 3] === h_ && ends(buf[p + 4])) {
      const close = buf.indexOf('</rPh>', p);
      const gt = tagEnd(buf, p + 4, to);
      if (gt >= 0 && buf[gt - 1] === SLASH) p = gt + 1;
      else if (close < 0 || close >= to) throw unreadable('unterminated <rPh>');
      else p = close + 6;
    } else p++;
  }
  return out;
}

// ---- streaming elements --------------------------------------------------------------------

/**
 * Calls `each(buf, start, gt, end)` for every complete `<tag …>…</tag>` or `<tag …/>` in the
 * stream, in order (`gt` is the open tag's `>`). An element cut by a chunk boundary waits for
 * the next chunk; a long one is rescanned only each time its bytes double (linear, not
 * quadratic), and one that grows past MAX_ELEMENT is refused rather than buffered.
 */
export async function eachElement(stream: Readable, tag: string, each: (buf: Buffer, start: number, gt: number, end: number) => void | Promise<void>): Promise<void> {
  const open = Buffer.from(`<${tag}`);
  const close = Buffer.from(`</${tag}>`);
  let carry = null as Buffer | null; // bytes not yet handed on: the start of an unfinished element, or a tail
  let unfinished = false as boolean; // the carry starts an element that has not ended yet
  const waiting: Buffer[] = []; // chunks held back while a long element is still open
  let waitingLen = 0;

  const scan = async (buf: Buffer) => {
    let p = 0;
    let keep = -1;
    unfinished = true;
    for (;;) {
      const s = buf.indexOf(open, p);
      if (s < 0) {
        keep = Math.max(p, buf.length - open.length);
        unfinished = false;
        break;
      }
      const after = buf[s + open.length];
      if (after === undefined) {
        keep = s;
        break;
      }
      if (!ends(after)) {
        p = s + 1;
        continue;
      }
      const gt = tagEnd(buf, s + open.length, buf.length);
      if (gt < 0) {
        keep = s;
        break;
      }
      let end: number;
      if (buf[gt - 1] === SLASH) end = gt + 1;
      else {
        const c = buf.indexOf(close, gt + 1);
        if (c < 0) {
          keep = s;
          break;
        }
        end = c + close.length;
      }
      const r = each(buf, s, gt, end);
      if (r) await r;
      p = end;
    }
    carry = keep < buf.length ? buf.subarray(keep) : null;
  };

  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe)) throw unreadable('UTF-16 XML is not supported');
      if (chunk.indexOf('<!DOCTYPE') >= 0) throw unreadable('a DTD is not allowed');
    }
    const held: Buffer | null = carry;
    // While an element is open, chunks queue until they at least double what is held; then all
    // of it is scanned at once, in order (a chunk never overtakes the ones queued before it).
    if (held && unfinished) {
      waiting.push(chunk);
      waitingLen += chunk.length;
      if (held.length + waitingLen > MAX_ELEMENT) throw unreadable(`a <${tag}> element is too large`);
      if (waitingLen < held.length) continue;
      const buf = Buffer.concat([held, ...waiting.splice(0)]);
      waitingLen = 0;
      await scan(buf);
    } else await scan(held ? Buffer.concat([held, chunk]) : chunk);
    if (carry && carry.length > MAX_ELEMENT) throw unreadable(`a <${tag}> element is too large`);
  }
  if (waiting.length) await scan(Buffer.concat([carry!, ...waiting.splice(0)]));
  if (carry && unfinished) throw unreadable(`the XML ends inside a <${tag}> element`);
}

// ---- shared strings ------------------------------------------------------------------------

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;

/**
 * The shared-string table, compact: every 4,096 strings are joined into one string, with a
 * Uint32Array of end offsets — a few bytes per entry instead of one heap object each.
 */
export class SharedStrings {
  private blocks: string[] = [];
  private endAt = new Uint32Array(BLOCK);
  private pending: string[] = [];
  private pendingLen = 0;
  private chars = 0;
  count = 0;

  add(s: string): void {
    this.chars += s.length;
    if (this.chars > MAX_SHARED_CHARS) throw new AppError('IMPORT_FILE_INVALID', { reason: 'zip_bomb', part: 'sharedStrings' });
    if (this.count === this.endAt.length) {
      const grown = new Uint32Array(this.endAt.length * 2);
      grown.set(this.endAt);
      this.endAt = grown;
    }
    this.pending.push(s);
    this.pendingLen += s.length;
    this.endAt[this.count++] = this.pendingLen;
    if (this.pending.length === BLOCK) this.seal();
  }

  /** Joins the strings added since the last block into one. */
  seal(): void {
    if (!this.pending.length) return;
    this.blocks.push(this.pending.join(''));
    this.pending = [];
    this.pendingLen = 0;
  }

  get(i: number): string | null {
    if (!(i >= 0 && i < this.count) || this.blocks.length <= i >>> BLOCK_BITS) return null;
    const block = this.blocks[i >>> BLOCK_BITS];
    return block.slice((i & (BLOCK - 1)) === 0 ? 0 : this.endAt[i - 1], this.endAt[i]);
  }
}

async function readSharedStrings(stream: Readable): Promise<SharedStrings> {
  const sst = new SharedStrings();
  await eachElement(stream, 'si', (buf, _start, gt, end) => sst.add(buf[gt - 1] === SLASH ? '' : richText(buf, gt + 1, end)));
  sst.seal();
  return sst;
}

// ---- rows ----------------------------------------------------------------------------------

/** Cell types (the `t` attribute) as small numbers: compared once per cell. */
const T = { Number: 0, Shared: 1, Text: 2, Bool: 3, Error: 4, Date: 5 } as const;
type T = (typeof T)[keyof typeof T];

function typeOf(buf: Buffer): T {
  if (tFrom < 0) return T.Number;
  const len = tTo - tFrom;
  const b = buf[tFrom];
  if (len === 1) return b === s_ ? T.Shared : b === b_ ? T.Bool : b === e_ ? T.Error : b === d_ ? T.Date : T.Number;
  if ((len === 3 && b === s_) || (len === 9 && b === i_)) return T.Text; // str, inlineStr
  return T.Number;
}

/** Zero-based column of a reference such as `B7`, or -1 without one. */
function columnOf(buf: Buffer): number {
  if (rFrom < 0) return -1;
  let col = 0;
  for (let p = rFrom; p < rTo; p++) {
    const b = buf[p] & 0xdf; // upper-case
    if (b < 0x41 || b > 0x5a) break;
    col = col * 26 + (b - 0x40);
    if (col > MAX_COLUMNS) throw unreadable('cell reference beyond column XFD');
  }
  return col - 1;
}

function valueOf(buf: Buffer, type: T, vFrom: number, vTo: number, isFrom: number, isTo: number, sst: SharedStrings | null): CellValue {
  if (isFrom >= 0 && (type === T.Text || vFrom < 0)) return richText(buf, isFrom, isTo);
  if (vFrom < 0) return null;
  if (type === T.Text) return textOf(buf, vFrom, vTo);
  if (type === T.Error) return null;
  const raw = type === T.Date ? textOf(buf, vFrom, vTo) : buf.toString('latin1', vFrom, vTo);
  switch (type) {
    case T.Shared:
      return sst ? sst.get(parseInt(raw, 10)) : null;
    case T.Bool: {
      const n = parseInt(raw, 10);
      return Number.isNaN(n) ? /^\s*true\s*$/i.test(raw) : n !== 0;
    }
    case T.Date: // ISO 8601 text (t="d"): the calendar date, as exceljs dates used to come back
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
    default: {
      if (raw.trim() === '') return null;
      const n = parseFloat(raw);
      return Number.isNaN(n) ? null : n;
    }
  }
}

/** The cells of one <row>: gaps (`A7`, `D7`) stay null; a cell without a reference follows the one before. */
function rowCells(buf: Buffer, p: number, to: number, sst: SharedStrings | null): CellValue[] {
  const cells: CellValue[] = [];
  let col = -1;
  while (p < to) {
    if (buf[p] !== LT || buf[p + 1] !== c_ || !ends(buf[p + 2])) {
      p++;
      continue;
    }
    const gt = scanAttrs(buf, p + 2, to);
    if (gt < 0) throw unreadable('malformed <c>');
    const ref = columnOf(buf);
    col = ref >= 0 ? ref : col + 1;
    if (col >= MAX_COLUMNS) throw unreadable('cell beyond column XFD');
    const type = typeOf(buf);
    p = gt + 1;
    if (buf[gt - 1] === SLASH) continue;
    let vFrom = -1, vTo = -1, isFrom = -1, isTo = -1;
    while (p < to) {
      if (buf[p] !== LT) {
        p++;
        continue;
      }
      const n = buf[p + 1];
      if (n === SLASH) {
        if (buf[p + 2] === c_ && buf[p + 3] === GT) {
          p += 4;
          break;
        }
        p++;
      } else if (n === v_ && ends(buf[p + 2])) {
        const vgt = tagEnd(buf, p + 2, to);
        if (vgt < 0) throw unreadable('malformed <v>');
        if (buf[vgt - 1] === SLASH) {
          p = vgt + 1;
          continue;
        }
        vFrom = vgt + 1;
        vTo = textEnd(buf, vFrom, to);
        if (vTo < 0) throw unreadable('unterminated <v>');
        p = vTo;
      } else if (n === i_ && buf[p + 2] === s_ && ends(buf[p + 3])) {
        const igt = tagEnd(buf, p + 3, to);
        if (igt < 0) throw unreadable('malformed <is>');
        if (buf[igt - 1] === SLASH) {
          p = igt + 1;
          continue;
        }
        const close = buf.indexOf('</is>', igt);
        if (close < 0 || close >= to) throw unreadable('unterminated <is>');
        isFrom = igt + 1;
        isTo = close;
        p = close + 5;
      } else if (n === f_ && ends(buf[p + 2])) {
        // A formula: only its cached <v> counts; its own text is skipped, never evaluated.
        const fgt = tagEnd(buf, p + 2, to);
        if (fgt < 0) throw unreadable('malformed <f>');
        const close = buf[fgt - 1] === SLASH ? fgt : buf.indexOf('</f>', fgt);
        if (close < 0 || close >= to) throw unreadable('unterminated <f>');
        p = close + 1;
      } else p++;
    }
    const value = valueOf(buf, type, vFrom, vTo, isFrom, isTo, sst);
    if (value !== null) {
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
  }
  return cells;
}

function rowNumber(buf: Buffer): number {
  if (rFrom < 0) return -1;
  let n = 0;
  for (let p = rFrom; p < rTo; p++) {
    const d = buf[p] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return rTo > rFrom ? n : -1;
}

// ---- workbook ------------------------------------------------------------------------------

async function readSmall(path: string, e: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of await zipEntryStream(path, e, MAX_SMALL_PART)) parts.push(chunk as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (text.includes('<!DOCTYPE')) throw unreadable('a DTD is not allowed');
  return text;
}

const attrIn = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : undefined;
};

/** A relationship target (relative to xl/ or absolute) as a zip entry name. */
function partName(target: string): string {
  const parts: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The first worksheet in workbook order and the shared strings, from workbook.xml and its relationships; else the lowest-numbered sheet. */
async function locateParts(path: string, entries: ZipEntry[]): Promise<{ sheet?: ZipEntry; strings?: ZipEntry }> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  let sheetName: string | undefined;
  let stringsName = 'xl/sharedStrings.xml';
  const book = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (book && rels) {
    const firstSheet = /<(?:[\w.-]+:)?sheet\s[^>]*>/.exec(await readSmall(path, book))?.[0];
    const id = firstSheet && /\s[\w.-]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(firstSheet);
    const sheetId = id ? decodeEntities(id[2] ?? id[3] ?? '') : undefined;
    for (const [rel] of (await readSmall(path, rels)).matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
      const type = attrIn(rel, 'Type') ?? '';
      const target = attrIn(rel, 'Target');
      if (!target) continue;
      if (sheetId && attrIn(rel, 'Id') === sheetId) sheetName = partName(target);
      else if (type.endsWith('/sharedStrings')) stringsName = partName(target);
    }
  }
  let sheet = sheetName ? byName.get(sheetName) : undefined;
  if (!sheet) {
    const no = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? NaN);
    sheet = entries.filter((e) => !Number.isNaN(no(e.name))).sort((a, b) => no(a.name) - no(b.name))[0];
  }
  return { sheet, strings: byName.get(stringsName) };
}

/**
 * Streams the first worksheet's rows: `onRow(rowNumber, cells)` for every <row> in the sheet
 * (empty ones included, so callers can count), cells zero-based by column. A workbook without
 * worksheets yields nothing. Malformed XML → IMPORT_FILE_INVALID (unreadable); an entry that
 * inflates past the zip limit → zip_bomb.
 */
export async function readFirstSheet(path: string, onRow: (row: number, cells: CellValue[]) => void | Promise<void>): Promise<void> {
  const { entries } = await zipEntries(path);
  const { sheet, strings } = await locateParts(path, entries);
  if (!sheet) return;
  const sst = strings ? await readSharedStrings(await zipEntryStream(path, strings, undefined, { chunkSize: CHUNK })) : null;
  const stream = await zipEntryStream(path, sheet, undefined, { chunkSize: CHUNK });
  let last = 0;
  try {
    await eachElement(stream, 'row', (buf, start, _gt, end) => {
      const gt = scanAttrs(buf, start + 4, end);
      const n = rowNumber(buf);
      last = n > 0 ? n : last + 1;
      const selfClosing = buf[gt - 1] === SLASH;
      return onRow(last, selfClosing ? [] : rowCells(buf, gt + 1, end, sst));
    });
  } finally {
    stream.destroy();
  }
}
