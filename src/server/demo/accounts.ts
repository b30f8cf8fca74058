/** Demo-mode accounts: one per seeded role, with known passwords shown on the login page in demo mode only. */
export const demoAccountList = [
  { username: 'admin', password: 'demo1234', role: 'admin' },
  { username: 'wangjl', password: 'demo1234', role: 'sales_manager' },
  { username: 'lixs', password: 'demo1234', role: 'sales' },
  { username: 'zhaogd', password: 'demo1234', role: 'coordinator' },
  { username: 'chencw', password: 'demo1234', role: 'finance' },
  { username: 'liuck', password: 'demo1234', role: 'warehouse' },
  { username: 'sunjh', password: 'demo1234', role: 'planner' },
  { username: 'zhoush', password: 'demo1234', role: 'aftersales' },
];
