import { normalizeCompanyName } from '../../../contracts/cn.ts';
import type { Customer, CustomerPatch } from '../../../contracts/customers.ts';
import type { Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { notify } from '../notifications/index.ts';
import { diffCustomer, normalizeAddresses, normalizeContacts } from './customer.mapper.ts';
import { replaceAddresses, replaceContacts, updateCustomer } from './customers.repository.ts';

export type PatchFields = Omit<CustomerPatch, 'version' | 'reason'>;

/** The customer as it would be after the patch — to diff before writing or before asking for approval. */
export function previewPatch(before: Customer, patch: PatchFields): Customer {
  const { contacts, addresses, taxId, ...scalars } = patch;
  return {
    ...before,
    ...Object.fromEntries(Object.entries(scalars).filter(([, v]) => v !== undefined)),
    ...(taxId !== undefined ? { taxId: taxId ?? null } : {}),
    ...(contacts ? { contacts: normalizeContacts(contacts) } : {}),
    ...(addresses ? { addresses: normalizeAddresses(addresses) } : {}),
  } as Customer;
}

/**
 * Writes a patch: new version, field-level history event, owners notified. Returns the
 * changes (empty when the patch changes nothing — then nothing is written).
 */
export async function applyPatch(tx: Tx, actor: Actor, before: Customer, patch: PatchFields, meta: { reason?: string | null; data?: Record<string, unknown>; publicUrl: string }) {
  const after = previewPatch(before, patch);
  const changes = diffCustomer(before, after);
  if (changes.length === 0) return changes;
  const version = before.version + 1;
  try {
    await updateCustomer(tx, before.id, {
      ...(patch.name !== undefined ? { name: after.name, nameKey: normalizeCompanyName(after.name) } : {}),
      ...(patch.code !== undefined ? { code: after.code } : {}),
      ...(patch.taxId !== undefined ? { taxId: after.taxId } : {}),
      ...(patch.invoice !== undefined ? { invoice: json.write(after.invoice) } : {}),
      ...(patch.tier !== undefined ? { tier: after.tier } : {}),
      ...(patch.tags !== undefined ? { tags: json.write(after.tags) } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: after.ownerId } : {}),
      ...(patch.paymentTermsDays !== undefined ? { paymentTermsDays: after.paymentTermsDays } : {}),
      ...(patch.creditLimit !== undefined && !actor.hiddenFields.has('customer.creditLimit') ? { creditLimit: after.creditLimit } : {}),
      ...(patch.status !== undefined ? { status: after.status } : {}),
      ...(patch.customFields !== undefined ? { customFields: json.write(after.customFields) } : {}),
      ...(patch.addresses ? { province: after.addresses.find((a) => a.isDefault)?.province ?? null } : {}),
      version,
      updatedAt: nowIso(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
    throw err;
  }
  if (patch.contacts) await replaceContacts(tx, before.id, after.contacts);
  if (patch.addresses) await replaceAddresses(tx, before.id, after.addresses);
  await appendEvent(tx, { entityType: 'customer', entityId: before.id, type: 'customer.updated', actor, stage: 'requirement', data: { version, changes, reason: meta.reason ?? null, ...meta.data } });
  const watchers = [before.ownerId, after.ownerId].filter((u) => u !== actor.id);
  if (watchers.length) {
    await notify(tx, {
      userIds: watchers,
      kind: 'customer.changed',
      title: `客户资料已变更：${after.name}`,
      body: `${actor.displayName} 修改了 ${changes.map((c) => c.field).join('、')}`,
      link: `${meta.publicUrl}/customers/${before.id}`,
    });
  }
  return changes;
}
