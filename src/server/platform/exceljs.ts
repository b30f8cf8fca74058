/**
 * exceljs, loaded with one fix. Its XML reader (lib/utils/parse-sax.js) decodes each zip
 * chunk to text on its own, so a multi-byte UTF-8 character split across two chunks turns
 * into "江��省" — in practice a few Chinese cells per 10,000 rows come back corrupted. The
 * replacement below decodes with a StringDecoder, which carries partial characters over.
 * It is put into the require cache before exceljs loads, so every exceljs reader uses it:
 * import exceljs from here, never from 'exceljs' directly.
 */
import { createRequire, Module } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSType from 'exceljs';

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
export default ExcelJS;
