import { normalizeCompanyName } from '../../../contracts/cn.ts';
import { customerCreateBody, customerImportColumns, type CustomerCreate, type CustomerImportColumn, type ImportReport } from '../../../contracts/customers.ts';
import { fieldReasonMessage, type Locale } from '../../../contracts/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { chunkInserts } from '../../platform/db/chunk-inserts.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvents } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, localizeIssue } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live.ts';
import { reserveSequence } from '../../platform/numbering.ts';
import { columnIndex, inspectZip, readSheet, type CellValue } from '../../platform/xlsx.ts';
import { normalizeAddresses, normalizeContacts } from './customer.mapper.ts';

const MAX_LISTED = 1000;
/** Rows checked and written together: 19 customer columns × 500 stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/** Which template column a schema path came from, for "row 12, 联系人手机: …". */
function columnOf(path: string): CustomerImportColumn | null {
  if (path.startsWith('contacts.0.')) return ({ name: 'contactName', role: 'contactRole', phone: 'contactPhone', email: 'contactEmail' } as const)[path.slice(11) as 'name'] ?? 'contactName';
  if (path.startsWith('addresses.0.')) return ({ province: 'province', city: 'city', district: 'district', detail: 'detail', recipient: 'recipient', phone: 'recipientPhone' } as const)[path.slice(12) as 'city'] ?? 'detail';
  return (customerImportColumns.find((c) => c.key === path)?.key as CustomerImportColumn) ?? null;
}

const str = (v: CellValue) => (v === null || v === undefined ? '' : String(v).trim());

/** A template row → the same input the API takes; the one schema then validates both. */
function rowToInput(get: (k: CustomerImportColumn) => string): Record<string, unknown> {
  const num = (k: CustomerImportColumn) => (get(k) === '' ? undefined : Number(get(k).replace(/,/g, '')));
  const credit = num('creditLimit');
  const hasAddress = ['province', 'city', 'district', 'detail', 'recipient', 'recipientPhone'].some((k) => get(k as CustomerImportColumn) !== '');
  return {
    name: get('name'),
    ...(get('code') ? { code: get('code') } : {}),
    ...(get('taxId') ? { taxId: get('taxId') } : {}),
    ...(get('tier') ? { tier: get('tier').toUpperCase() } : {}),
    tags: get('tags') ? get('tags').split(/[,，、]/).map((t) => t.trim()).filter(Boolean) : [],
    ...(num('paymentTermsDays') !== undefined ? { paymentTermsDays: num('paymentTermsDays') } : {}),
    ...(credit !== undefined ? { creditLimit: Number.isFinite(credit) ? Math.round(credit * 100) : credit } : {}),
    contacts: get('contactName') ? [{ name: get('contactName'), role: get('contactRole') || null, phone: get('contactPhone') || null, email: get('contactEmail') || null }] : [],
    addresses: hasAddress
      ? [{ province: get('province'), city: get('city'), district: get('district'), detail: get('detail'), recipient: get('recipient'), phone: get('recipientPhone') }]
      : [],
  };
}

/** A row that passed the schema, waiting for the checks that need the database. */
interface Pending {
  row: number;
  input: CustomerCreate;
  ownerUsername: string;
}
type Owner = { id: string; active: number; teamId: string | null };
type Seen = { row: number; name: string };
type Found = { id: string; name: string };

/**
 * Customer import from .xlsx, all or nothing, in one streaming pass: every row is validated
 * with the API's own schema; every 500 valid rows are checked together against the database
 * (owners, codes, possible duplicates — two queries per chunk) and against the rows before
 * them (in-memory keys only), then written with multi-row INSERTs. A real import runs inside
 * one transaction that is rolled back when any row is wrong, so the report is the same as a
 * dry run's and nothing is written; a dry run reads only. Memory holds the keys of the file
 * (names, tax IDs, mobiles, codes), never its rows.
 */
export function createCustomerImport(db: Db, live: LiveHub) {
  return async function importCustomers(actor: Actor, path: string, opts: { dryRun: boolean; locale: Locale }): Promise<ImportReport> {
    const started = Date.now();
    await inspectZip(path);
    const en = opts.locale === 'en-US';
    const report: ImportReport = { dryRun: opts.dryRun, rows: 0, valid: 0, imported: 0, errorCount: 0, errors: [], duplicates: [], durationMs: 0 };
    const label = (k: CustomerImportColumn | null) => (k ? (en ? customerImportColumns.find((c) => c.key === k)!.en : customerImportColumns.find((c) => c.key === k)!.zh).replace('*', '') : null);
    const badRows = new Set<number>();
    const error = (row: number, column: CustomerImportColumn | null, code: string, message?: string) => {
      report.errorCount += 1;
      badRows.add(row);
      if (report.errors.length < MAX_LISTED) report.errors.push({ row, column: label(column), code, message: message ?? fieldReasonMessage(code, opts.locale) ?? code });
    };

    let index: Partial<Record<CustomerImportColumn, number>> = {};
    const onHeader = (header: CellValue[]) => {
      index = columnIndex(header, customerImportColumns);
      if (index.name === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'missing_column', column: label('name') });
    };

    const owners = new Map<string, Owner | null>();
    const seenCode = new Set<string>();
    const seen = { name: new Map<string, Seen>(), taxId: new Map<string, Seen>(), phone: new Map<string, Seen>() };
    // Customers this import wrote: not "existing" duplicates of later rows of the same file.
    const ours = new Set<string>();

    let insert: ReturnType<typeof chunkInserts> | null = null;

    /** Owners, codes and duplicates of one chunk, then (real import, no error so far) its rows written. */
    const settle = async (q: Db, tx: Tx | null, part: Pending[]) => {
      const unknown = [...new Set(part.map((p) => p.ownerUsername).filter((u) => u && !owners.has(u)))];
      if (unknown.length) {
        for (const u of unknown) owners.set(u, null);
        for (const u of await q.selectFrom('appUser').select(['id', 'username', 'active', 'teamId']).where('username', 'in', unknown).execute()) owners.set(u.username, u);
      }
      const rows = part.map((p) => {
        const contacts = normalizeContacts(p.input.contacts);
        return { ...p, id: newId(), nameKey: normalizeCompanyName(p.input.name), taxId: p.input.taxId ?? null, phone: contacts[0]?.phone ?? null, contacts, addresses: normalizeAddresses(p.input.addresses) };
      });
      const existing = { name: new Map<string, Found>(), taxId: new Map<string, Found>(), phone: new Map<string, Found>(), code: new Set<string>() };
      const codes = rows.flatMap((r) => (r.input.code ? [r.input.code] : []));
      const taxIds = rows.flatMap((r) => (r.taxId ? [r.taxId] : []));
      const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []));
      const found = await q
        .selectFrom('customer')
        .select(['id', 'name', 'nameKey', 'taxId', 'code'])
        .where((eb) => eb.or([eb('nameKey', 'in', rows.map((r) => r.nameKey)), ...(taxIds.length ? [eb('taxId', 'in', taxIds)] : []), ...(codes.length ? [eb('code', 'in', codes)] : [])]))
        .execute();
      for (const c of found) {
        if (ours.has(c.id)) continue;
        existing.name.set(c.nameKey, c);
        if (c.taxId) existing.taxId.set(c.taxId, c);
        existing.code.add(c.code);
      }
      if (phones.length) {
        for (const c of await q.selectFrom('customerContact').innerJoin('customer', 'customer.id', 'customerContact.customerId').select(['customer.id', 'customer.name', 'customerContact.phone']).where('customerContact.phone', 'in', phones).execute()) {
          if (!ours.has(c.id)) existing.phone.set(c.phone!, { id: c.id, name: c.name });
        }
      }

      const ownerOf = new Map<number, string>();
      for (const r of rows) {
        if (!r.ownerUsername) ownerOf.set(r.row, actor.id);
        else {
          const o = owners.get(r.ownerUsername);
          if (!o || o.active !== 1) error(r.row, 'ownerUsername', o ? 'inactive_user' : 'not_found');
          else if ((actor.dataScope === 'own' && o.id !== actor.id) || (actor.dataScope === 'team' && o.id !== actor.id && o.teamId !== actor.teamId)) error(r.row, 'ownerUsername', 'out_of_scope');
          else ownerOf.set(r.row, o.id);
        }
        // Codes must be unique (error); same name / tax ID / mobile is a possible duplicate (warning).
        if (r.input.code) {
          if (existing.code.has(r.input.code) || seenCode.has(r.input.code)) error(r.row, 'code', 'taken');
          seenCode.add(r.input.code);
        }
        const matches: ImportReport['duplicates'][number]['matches'] = [];
        for (const reason of ['name', 'taxId', 'phone'] as const) {
          const key = reason === 'name' ? r.nameKey : reason === 'taxId' ? r.taxId : r.phone;
          if (!key) continue;
          const hit = existing[reason].get(key);
          if (hit) matches.push({ id: hit.id, name: hit.name, reason, row: null });
          const inFile = seen[reason].get(key);
          if (inFile) matches.push({ id: null, name: inFile.name, reason, row: inFile.row });
          else seen[reason].set(key, { row: r.row, name: r.input.name });
        }
        if (matches.length && report.duplicates.length < MAX_LISTED) report.duplicates.push({ row: r.row, name: r.input.name, matches });
      }
      if (!tx || report.errorCount > 0) return;

      const need = rows.filter((r) => !r.input.code).length;
      let next = need ? (await reserveSequence(tx, 'customer.code', need)) - need + 1 : 0;
      const now = nowIso();
      const written = rows.map((r) => ({ ...r, code: r.input.code ?? `C${String(next++).padStart(5, '0')}` }));
      await insert!(
        'customer',
        written.map(({ row, input, id, nameKey, taxId, addresses, code }) => ({
          id,
          code,
          name: input.name,
          nameKey,
          taxId,
          invoice: '{}',
          tier: input.tier,
          tags: json.write(input.tags),
          ownerId: ownerOf.get(row)!,
          paymentTermsDays: input.paymentTermsDays,
          creditLimit: input.creditLimit,
          currency: input.currency,
          status: input.status,
          province: addresses[0]?.province ?? null,
          customFields: '{}',
          version: 1,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const contacts = written.flatMap(({ id, contacts }) => contacts.map((c, sort) => ({ ...c, customerId: id, isPrimary: c.isPrimary ? 1 : 0, sort })));
      if (contacts.length) await insert!('customerContact', contacts);
      const addresses = written.flatMap(({ id, addresses }) => addresses.map((a, sort) => ({ ...a, customerId: id, isDefault: a.isDefault ? 1 : 0, sort })));
      if (addresses.length) await insert!('customerAddress', addresses);
      await appendEvents(
        tx,
        written.map(({ row, input, id, code }) => ({ entityType: 'customer', entityId: id, type: 'customer.created', actor, stage: 'requirement', data: { name: input.name, code, source: 'import', row } })),
      );
      for (const r of written) ours.add(r.id);
      report.imported += written.length;
      if (report.imported % 5000 < CHUNK) void live.publish({ userId: actor.id, type: 'progress', data: { task: 'customers.import', imported: report.imported } });
    };

    const scan = async (q: Db, tx: Tx | null) => {
      insert = tx ? chunkInserts(tx) : null;
      let part: Pending[] = [];
      // Synchronous per row; only a full chunk hands back a promise (its checks and writes).
      await readSheet(path, onHeader, (row, cells) => {
        report.rows += 1;
        const get = (k: CustomerImportColumn) => (index[k] === undefined ? '' : str(cells[index[k]!]));
        const parsed = customerCreateBody.safeParse(rowToInput(get), { reportInput: true });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const p = issue.path.join('.');
            const reason = (issue as { params?: { reason?: string } }).params?.reason ?? (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code);
            error(row, columnOf(p), reason, localizeIssue(issue as never, opts.locale));
          }
          return;
        }
        part.push({ row, input: parsed.data, ownerUsername: get('ownerUsername') });
        if (report.rows % 5000 === 0) void live.publish({ userId: actor.id, type: 'progress', data: { task: 'customers.import', processed: report.rows } });
        if (part.length >= CHUNK) {
          const full = part;
          part = [];
          return settle(q, tx, full);
        }
      });
      if (index.name === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });
      if (part.length) await settle(q, tx, part);
      // Checks that need the database report a chunk late: the listed errors go back into row order.
      report.errors.sort((a, b) => a.row - b.row);
      report.valid = report.rows - badRows.size;
      report.durationMs = Date.now() - started;
      if (tx && report.errorCount > 0) throw new AppError('IMPORT_HAS_ERRORS', report);
    };

    if (opts.dryRun) await scan(db, null);
    else await inTransaction(db, (tx) => scan(tx, tx));
    report.durationMs = Date.now() - started;
    return report;
  };
}
