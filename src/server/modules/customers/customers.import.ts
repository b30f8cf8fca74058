import { normalizeCompanyName, normalizeMobile } from '../../../contracts/cn.ts';
import { customerCreateBody, customerImportColumns, type CustomerCreate, type CustomerImportColumn, type ImportReport } from '../../../contracts/customers.ts';
import { fieldReasonMessage, type Locale } from '../../../contracts/errors.ts';
import type { Db } from '../../platform/db/database.ts';
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
const CHUNK = 400;

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

/** What the first pass keeps of a valid row: only the keys the checks need (a 100,000-row file stays small). */
interface RowKeys {
  row: number;
  name: string;
  nameKey: string;
  taxId: string | null;
  phone: string | null;
  code: string | null;
  ownerUsername: string;
}

/**
 * Customer import from .xlsx, all or nothing, in two streaming passes: the first validates
 * every row with the API's own schema and keeps only its keys (codes, names, tax IDs,
 * mobiles, owner) for the duplicate and owner checks; when nothing is wrong, the second
 * reads the file again and writes it in one transaction, chunk by chunk — memory does not
 * grow with the file.
 */
export function createCustomerImport(db: Db, live: LiveHub) {
  return async function importCustomers(actor: Actor, path: string, opts: { dryRun: boolean; locale: Locale }): Promise<ImportReport> {
    const started = Date.now();
    await inspectZip(path);
    const en = opts.locale === 'en-US';
    const report: ImportReport = { dryRun: opts.dryRun, rows: 0, valid: 0, imported: 0, errorCount: 0, errors: [], duplicates: [], durationMs: 0 };
    const label = (k: CustomerImportColumn | null) => (k ? (en ? customerImportColumns.find((c) => c.key === k)!.en : customerImportColumns.find((c) => c.key === k)!.zh).replace('*', '') : null);
    const error = (row: number, column: CustomerImportColumn | null, code: string, message?: string) => {
      report.errorCount += 1;
      if (report.errors.length < MAX_LISTED) report.errors.push({ row, column: label(column), code, message: message ?? fieldReasonMessage(code, opts.locale) ?? code });
    };

    let index: Partial<Record<CustomerImportColumn, number>> = {};
    const onHeader = (header: CellValue[]) => {
      index = columnIndex(header, customerImportColumns);
      if (index.name === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'missing_column', column: label('name') });
    };
    const parseRow = (cells: CellValue[]) => {
      const get = (k: CustomerImportColumn) => (index[k] === undefined ? '' : str(cells[index[k]!]));
      return { parsed: customerCreateBody.safeParse(rowToInput(get), { reportInput: true }), ownerUsername: get('ownerUsername') };
    };
    const rows: RowKeys[] = [];
    await readSheet(
      path,
      onHeader,
      (row, cells) => {
        report.rows += 1;
        const { parsed, ownerUsername } = parseRow(cells);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const p = issue.path.join('.');
            const reason = (issue as { params?: { reason?: string } }).params?.reason ?? (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code);
            error(row, columnOf(p), reason, localizeIssue(issue as never, opts.locale));
          }
          return;
        }
        const input = parsed.data;
        rows.push({ row, name: input.name, nameKey: normalizeCompanyName(input.name), taxId: input.taxId ?? null, phone: input.contacts[0]?.phone ? normalizeMobile(input.contacts[0].phone) : null, code: input.code ?? null, ownerUsername });
        if (report.rows % 5000 === 0) void live.publish({ userId: actor.id, type: 'progress', data: { task: 'customers.import', processed: report.rows } });
      },
    );
    if (index.name === undefined) throw new AppError('IMPORT_FILE_INVALID', { reason: 'empty' });

    // Owners by username, in one query.
    const usernames = [...new Set(rows.map((r) => r.ownerUsername).filter(Boolean))];
    const owners = new Map<string, { id: string; active: number; teamId: string | null }>();
    for (let i = 0; i < usernames.length; i += CHUNK) {
      for (const u of await db.selectFrom('appUser').select(['id', 'username', 'active', 'teamId']).where('username', 'in', usernames.slice(i, i + CHUNK)).execute()) owners.set(u.username, u);
    }
    const ownerOf = new Map<number, string>();
    for (const r of rows) {
      if (!r.ownerUsername) {
        ownerOf.set(r.row, actor.id);
        continue;
      }
      const o = owners.get(r.ownerUsername);
      if (!o || o.active !== 1) error(r.row, 'ownerUsername', o ? 'inactive_user' : 'not_found');
      else if ((actor.dataScope === 'own' && o.id !== actor.id) || (actor.dataScope === 'team' && o.id !== actor.id && o.teamId !== actor.teamId)) error(r.row, 'ownerUsername', 'out_of_scope');
      else ownerOf.set(r.row, o.id);
    }

    // Codes must be unique (error); same name / tax ID / mobile is a possible duplicate (warning).
    const seenCode = new Map<string, number>();
    const seen = { name: new Map<string, number>(), taxId: new Map<string, number>(), phone: new Map<string, number>() };
    const existing = { name: new Map<string, { id: string; name: string }>(), taxId: new Map<string, { id: string; name: string }>(), phone: new Map<string, { id: string; name: string }>(), code: new Set<string>() };
    const codes = rows.map((r) => r.code).filter((c): c is string => !!c);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const nk = part.map((k) => k.nameKey);
      const tx = part.map((k) => k.taxId).filter((x): x is string => !!x);
      const ph = part.map((k) => k.phone).filter((x): x is string => !!x);
      for (const c of await db.selectFrom('customer').select(['id', 'name', 'nameKey', 'taxId']).where((eb) => eb.or([eb('nameKey', 'in', nk), ...(tx.length ? [eb('taxId', 'in', tx)] : [])])).execute()) {
        existing.name.set(c.nameKey, c);
        if (c.taxId) existing.taxId.set(c.taxId, c);
      }
      if (ph.length) {
        for (const c of await db.selectFrom('customerContact').innerJoin('customer', 'customer.id', 'customerContact.customerId').select(['customer.id', 'customer.name', 'customerContact.phone']).where('customerContact.phone', 'in', ph).execute()) {
          existing.phone.set(c.phone!, { id: c.id, name: c.name });
        }
      }
    }
    for (let i = 0; i < codes.length; i += CHUNK) {
      for (const c of await db.selectFrom('customer').select('code').where('code', 'in', codes.slice(i, i + CHUNK)).execute()) existing.code.add(c.code);
    }
    const nameOfRow = new Map(rows.map((r) => [r.row, r.name]));
    for (const k of rows) {
      if (k.code) {
        if (existing.code.has(k.code) || seenCode.has(k.code)) error(k.row, 'code', 'taken');
        seenCode.set(k.code, k.row);
      }
      const matches: ImportReport['duplicates'][number]['matches'] = [];
      for (const reason of ['name', 'taxId', 'phone'] as const) {
        const key = reason === 'name' ? k.nameKey : reason === 'taxId' ? k.taxId : k.phone;
        if (!key) continue;
        const hit = existing[reason].get(key);
        if (hit) matches.push({ id: hit.id, name: hit.name, reason, row: null });
        const inFile = seen[reason].get(key);
        if (inFile !== undefined) matches.push({ id: null, name: nameOfRow.get(inFile)!, reason, row: inFile });
        else seen[reason].set(key, k.row);
      }
      if (matches.length && report.duplicates.length < MAX_LISTED) report.duplicates.push({ row: k.row, name: k.name, matches });
    }

    report.valid = rows.length - new Set(report.errors.map((e) => e.row)).size;
    if (report.errorCount > 0 && !opts.dryRun) {
      report.durationMs = Date.now() - started;
      throw new AppError('IMPORT_HAS_ERRORS', report);
    }
    if (opts.dryRun || rows.length === 0) {
      report.durationMs = Date.now() - started;
      return report;
    }

    await inTransaction(db, async (tx) => {
      const needCodes = rows.filter((r) => !r.code).length;
      let next = needCodes ? (await reserveSequence(tx, 'customer.code', needCodes)) - needCodes + 1 : 0;
      const now = nowIso();
      let part: { row: number; input: CustomerCreate }[] = [];
      const flush = async () => {
        const batch = part.map(({ row, input }) => ({ row, input, id: newId(), contacts: normalizeContacts(input.contacts), addresses: normalizeAddresses(input.addresses), code: input.code ?? `C${String(next++).padStart(5, '0')}` }));
        part = [];
        await tx
          .insertInto('customer')
          .values(
            batch.map(({ row, input, id, addresses, code }) => ({
              id,
              code,
              name: input.name,
              nameKey: normalizeCompanyName(input.name),
              taxId: input.taxId ?? null,
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
          )
          .execute();
        const contacts = batch.flatMap(({ id, contacts }) => contacts.map((c, sort) => ({ ...c, customerId: id, isPrimary: c.isPrimary ? 1 : 0, sort })));
        if (contacts.length) await tx.insertInto('customerContact').values(contacts).execute();
        const addresses = batch.flatMap(({ id, addresses }) => addresses.map((a, sort) => ({ ...a, customerId: id, isDefault: a.isDefault ? 1 : 0, sort })));
        if (addresses.length) await tx.insertInto('customerAddress').values(addresses).execute();
        await appendEvents(
          tx,
          batch.map(({ row, input, id, code }) => ({ entityType: 'customer', entityId: id, type: 'customer.created', actor, stage: 'requirement', data: { name: input.name, code, source: 'import', row } })),
        );
        report.imported += batch.length;
        if (report.imported % 5000 < CHUNK) void live.publish({ userId: actor.id, type: 'progress', data: { task: 'customers.import', imported: report.imported, total: rows.length } });
      };
      // Second pass: the same rows, parsed the same way (the first pass found no error in any of them).
      await readSheet(path, onHeader, async (row, cells) => {
        const { parsed } = parseRow(cells);
        if (!parsed.success) throw new AppError('IMPORT_FILE_INVALID', { reason: 'unreadable', message: `row ${row} changed between passes` });
        part.push({ row, input: parsed.data });
        if (part.length >= CHUNK) await flush();
      });
      if (part.length) await flush();
      if (report.imported !== rows.length) throw new AppError('IMPORT_FILE_INVALID', { reason: 'unreadable', message: 'rows changed between passes' });
    });
    report.durationMs = Date.now() - started;
    return report;
  };
}
