/**
 * Demo customers, owned by the sales people of both teams, so data scope shows: 李晓松 sees
 * his own, 王建林 his team's (华东), 黄志强 only 华南's. Tax IDs carry valid check digits,
 * addresses are real province/city/district triples, phones are valid CN numbers — they go
 * through the same validation as the API.
 */
import type { z } from 'zod';
import { customerCreateBody } from '../../contracts/customers.ts';
import { loadActor } from '../modules/admin/index.ts';
import { createCustomersService } from '../modules/customers/index.ts';
import type { DemoSeedStep } from './seed.ts';

type Input = z.input<typeof customerCreateBody> & { code: string; owner: string };

export const demoCustomers: readonly Input[] = [
  {
    code: 'HD0001', owner: 'lixs', name: '上海恒通机电设备有限公司', taxId: '91310112MA1GB7K3XG', tier: 'A', tags: ['老客户', '设备'],
    paymentTermsDays: 60, creditLimit: 50_000_000,
    invoice: { title: '上海恒通机电设备有限公司', bank: '中国工商银行上海闵行支行', account: '1001244309000123456', address: '上海市闵行区莘庄工业区春东路 508 号', phone: '021-54881236' },
    contacts: [
      { name: '张海峰', role: '采购经理', phone: '13917263548', landline: '021-54881236', email: 'zhanghf@hengtong-me.cn', wechat: 'zhf_hengtong', isPrimary: true },
      { name: '沈丽', role: '财务', phone: '13764015827', email: 'shenli@hengtong-me.cn' },
    ],
    addresses: [{ label: '工厂', province: '上海市', city: '上海市', district: '闵行区', detail: '莘庄工业区春东路 508 号 3 号门', recipient: '张海峰', phone: '13917263548', isDefault: true }],
  },
  {
    code: 'HD0002', owner: 'lixs', name: '苏州精工自动化科技有限公司', taxId: '91320594MA1MEP2U6T', tier: 'B', tags: ['自动化'],
    paymentTermsDays: 30, creditLimit: 20_000_000,
    contacts: [{ name: '陆建国', role: '技术总监', phone: '13862151903', landline: '0512-62587730', email: 'lujg@sz-jinggong.cn', isPrimary: true }],
    addresses: [{ label: '总部', province: '江苏省', city: '苏州市', district: '苏州工业园区', detail: '星湖街 328 号创意产业园 12 栋', recipient: '陆建国', phone: '13862151903', isDefault: true }],
  },
  {
    code: 'HD0003', owner: 'lixs', name: '杭州云帆智能装备有限公司', taxId: '91330110MA2H3YJ05R', tier: 'C', tags: ['新客户'],
    paymentTermsDays: 0, creditLimit: 0, status: 'on_hold',
    contacts: [{ name: '何晓东', role: '总经理', phone: '15988126734', landline: '0571-88273645', isPrimary: true }],
    addresses: [{ province: '浙江省', city: '杭州市', district: '余杭区', detail: '良渚街道好运街 66 号', recipient: '何晓东', phone: '15988126734', isDefault: true }],
  },
  {
    code: 'HD0004', owner: 'wangjl', name: '宁波甬兴模具有限公司', taxId: '91330206MA2GQ8L4HU', tier: 'B', tags: ['模具'],
    paymentTermsDays: 45, creditLimit: 15_000_000,
    contacts: [{ name: '邵伟', role: '采购', phone: '13805743126', landline: '0574-86857261', isPrimary: true }],
    addresses: [{ province: '浙江省', city: '宁波市', district: '北仑区', detail: '小港街道红联渡口路 19 号', recipient: '邵伟', phone: '13805743126', isDefault: true }],
  },
  {
    code: 'HN0001', owner: 'wuxm', name: '深圳市华拓电子科技有限公司', taxId: '91440300MA5F8GT2K9', tier: 'A', tags: ['电子', '重点'],
    paymentTermsDays: 60, creditLimit: 80_000_000,
    invoice: { title: '深圳市华拓电子科技有限公司', bank: '招商银行深圳南山支行', account: '755912345610802', address: '深圳市南山区科技园南区高新南七道 12 号', phone: '0755-26719832' },
    contacts: [{ name: '林志鹏', role: '供应链经理', phone: '13728930561', landline: '0755-26719832', email: 'linzp@huatuo-tech.cn', isPrimary: true }],
    addresses: [{ label: '收货仓', province: '广东省', city: '深圳市', district: '宝安区', detail: '福永街道凤凰第四工业区 8 栋', recipient: '林志鹏', phone: '13728930561', isDefault: true }],
  },
  {
    code: 'HN0002', owner: 'wuxm', name: '东莞市鑫达五金制品有限公司', taxId: '91441900MA4W6DC1RW', tier: 'C', tags: ['五金'],
    paymentTermsDays: 30, creditLimit: 5_000_000,
    contacts: [{ name: '梁淑芬', role: '老板娘', phone: '13538276410', landline: '0769-85537210', wechat: 'xinda_liang', isPrimary: true }],
    addresses: [{ province: '广东省', city: '东莞市', district: '长安镇', detail: '乌沙社区兴发南路 23 号', recipient: '梁淑芬', phone: '13538276410', isDefault: true }],
  },
  {
    code: 'HN0003', owner: 'huangzq', name: '佛山市顺德区美嘉电器有限公司', taxId: '91440606MA4UJ9N7BQ', tier: 'B', tags: ['家电'],
    paymentTermsDays: 30, creditLimit: 30_000_000,
    contacts: [{ name: '罗国强', role: '采购主管', phone: '13690725813', landline: '0757-22813365', isPrimary: true }],
    addresses: [{ province: '广东省', city: '佛山市', district: '顺德区', detail: '北滘镇工业园兴业路 7 号', recipient: '罗国强', phone: '13690725813', isDefault: true }],
  },
];

/**
 * Each customer is entered by its owner (the event timeline shows 李晓松, not "system"), so
 * nobody gets an "assigned to you" notification. Existence is checked by customer code.
 */
export const customersStep: DemoSeedStep = {
  name: 'customers',
  async run(ctx) {
    const service = createCustomersService(ctx.db, ctx.publicUrl);
    const existing = new Set((await ctx.db.selectFrom('customer').select('code').where('code', 'in', demoCustomers.map((c) => c.code)).execute()).map((r) => r.code));
    let created = 0;
    for (const { owner, ...input } of demoCustomers.filter((c) => !existing.has(c.code))) {
      const actor = await loadActor(ctx.db, await ctx.userId(owner), 'session');
      if (!actor) throw new Error(`demo seed: customer owner ${owner} is disabled`);
      await service.create(actor, customerCreateBody.parse(input));
      created += 1;
    }
    return { created, updated: 0 };
  },
};
