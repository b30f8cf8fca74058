import { z } from 'zod';
import { settingKeys, type SettingKey } from '../../../contracts/settings.ts';
import type { App } from '../../platform/http/types.ts';
import type { SettingsService } from './settings.service.ts';

const tags = ['admin'];
const admin = { config: { permission: 'admin:settings' as const } };

export function settingsRoutes(app: App, svc: SettingsService): void {
  // What forms need to know, for every signed-in user (e.g. which customer fields need approval).
  app.get('/api/v1/settings/public', { schema: { tags, response: { 200: z.object({ 'company.name': z.string(), 'customer.approvalFields': z.array(z.string()) }) } } }, () => svc.publicSettings());
  app.get('/api/v1/admin/settings', { ...admin, schema: { tags, response: { 200: z.record(z.string(), z.unknown()) } } }, () => svc.all());
  app.put(
    '/api/v1/admin/settings/:key',
    { ...admin, schema: { tags, params: z.strictObject({ key: z.enum(settingKeys as [SettingKey, ...SettingKey[]]) }), body: z.strictObject({ value: z.unknown() }), response: { 200: z.object({ key: z.string(), value: z.unknown() }) } } },
    (req) => svc.update(req.actor!, req.params.key, req.body.value),
  );
}
