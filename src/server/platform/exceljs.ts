/**
 * exceljs, loaded with two fixes. (1) Its XML reader (lib/utils/parse-sax.js) decodes each zip
 * chunk to text on its own, so a multi-byte UTF-8 character split across two chunks turns
 * into "江��省" — in practice a few Chinese cells per 10,000 rows come back corrupted. The
 * replacement below decodes with a StringDecoder, which carries partial characters over.
 * It is put into the require cache before exceljs loads, so every exceljs reader uses it.
 * (2) The streaming workbook reader walks the zip front to back with unzipper's Parse, which
 * can signal 'end' before it has handed over the last entry; exceljs writes xl/workbook.xml
 * last, so about one read in 200 failed with "reading 'sheets'". A file path is now read
 * through the zip's central directory: relations, workbook and shared strings first, then
 * the worksheets in order — nothing lost, no temp files.
 * Import exceljs from here, never from 'exceljs' directly.
 */
import { createRequire, Module } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type ExcelJSType from 'exceljs';
import { zipEntries, zipEntryStream } from './zip.ts';

const require = createRequire(import.meta.url);
const { SaxesParser } = require('saxes') as typeof import('saxes');

async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | undefined;
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const path = require.resolve('exceljs/lib/utils/parse-sax.js');
if (!require.cache[path]) {
  const m = new Module(path);
  m.filename = path;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[path] = m;
}

const ExcelJS = require('exceljs') as typeof ExcelJSType;

type Reader = {
  options: Record<string, unknown>;
  input: unknown;
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncIterable<unknown>;
  _parseWorksheet(s: Readable, sheetNo: string): Iterable<unknown>;
  parse(input?: unknown, options?: Record<string, unknown>): AsyncIterable<unknown>;
};
const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Reader;
const streamingParse = reader.parse;
reader.parse = async function* (this: Reader, input, options) {
  const source = input ?? this.input;
  if (typeof source !== 'string') return yield* streamingParse.call(this, input, options);
  if (options) this.options = options;
  const { entries } = await zipEntries(source);
  const open = async (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? zipEntryStream(source, e) : undefined;
  };
  const rels = await open('xl/_rels/workbook.xml.rels');
  if (rels) await this._parseRels(rels);
  const book = await open('xl/workbook.xml');
  if (book) await this._parseWorkbook(book);
  const strings = await open('xl/sharedStrings.xml');
  if (strings) yield* this._parseSharedStrings(strings);
  const sheetNo = (name: string) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1];
  const sheets = entries.filter((e) => sheetNo(e.name)).sort((a, b) => Number(sheetNo(a.name)) - Number(sheetNo(b.name)));
  for (const e of sheets) yield* this._parseWorksheet(await zipEntryStream(source, e), sheetNo(e.name)!);
};

export default ExcelJS;
