/**
 * The demo company's organisation: who works where and for whom. Usernames, passwords and
 * roles of the login-page accounts come from accounts.ts; this file adds the people behind
 * them (names are the pinyin initials of the usernames: wangjl → 王建林).
 */
import type { RoleKey } from '../../contracts/permissions.ts';

export const demoEmailDomain = 'demo.gendan.cn';

export interface DemoTeam {
  name: string;
  /** Username of the team's manager; set once that user exists. */
  manager: string;
}

export const demoTeams: readonly DemoTeam[] = [
  { name: '华东销售一组', manager: 'wangjl' },
  { name: '华南销售组', manager: 'huangzq' },
  { name: '生产计划部', manager: 'sunjh' },
  { name: '财务部', manager: 'chencw' },
  { name: '仓储物流部', manager: 'liuck' },
  { name: '客户服务部', manager: 'zhoush' },
];

export interface DemoPerson {
  username: string;
  displayName: string;
  role: RoleKey;
  team: string | null;
  /** Username of the person they report to; listed earlier, so it exists first. */
  manager: string | null;
  mobile: string;
}

/**
 * Everyone on the login page, plus a second sales team (huangzq, wuxm) so that team data
 * scope is visible: 王建林 (sales_manager, scope "team") sees 华东 and not 华南. Those two
 * are not on the login page but have the same demo password.
 */
export const demoPeople: readonly DemoPerson[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', team: null, manager: null, mobile: '13601891230' },
  { username: 'wangjl', displayName: '王建林', role: 'sales_manager', team: '华东销售一组', manager: null, mobile: '13916625081' },
  { username: 'huangzq', displayName: '黄志强', role: 'sales_manager', team: '华南销售组', manager: null, mobile: '13802256917' },
  { username: 'lixs', displayName: '李晓松', role: 'sales', team: '华东销售一组', manager: 'wangjl', mobile: '13764183520' },
  { username: 'zhaogd', displayName: '赵国栋', role: 'coordinator', team: '华东销售一组', manager: 'wangjl', mobile: '15021876634' },
  { username: 'wuxm', displayName: '吴晓敏', role: 'sales', team: '华南销售组', manager: 'huangzq', mobile: '13560478291' },
  { username: 'chencw', displayName: '陈春伟', role: 'finance', team: '财务部', manager: null, mobile: '18616092275' },
  { username: 'liuck', displayName: '刘成坤', role: 'warehouse', team: '仓储物流部', manager: null, mobile: '13391205568' },
  { username: 'sunjh', displayName: '孙建华', role: 'planner', team: '生产计划部', manager: null, mobile: '18951730462' },
  { username: 'zhoush', displayName: '周淑华', role: 'aftersales', team: '客户服务部', manager: null, mobile: '17721548806' },
];
