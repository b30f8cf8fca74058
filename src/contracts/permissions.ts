/**
 * Permissions (resource:action), the seeded roles and their data scopes: written once,
 * used by the server (route guards, repositories) and the web app (menus, buttons).
 */
export const permissionList = [
  'customers:read',
  'customers:write',
  'customers:approve',
  'requirements:read',
  'requirements:write',
  'orders:read',
  'orders:write',
  'orders:approve',
  'products:read',
  'products:write',
  'inventory:read',
  'inventory:write',
  /** Approve stock adjustments above the admin threshold (inventory.adjustmentApproval). */
  'inventory:approve',
  'production:read',
  'production:write',
  'shipping:read',
  'shipping:write',
  'aftersales:read',
  'aftersales:write',
  'finance:read',
  'finance:write',
  'reports:read',
  'board:read',
  'admin:users',
  'admin:roles',
  'admin:settings',
  'admin:webhooks',
] as const;
export type Permission = (typeof permissionList)[number];

export const dataScopes = ['own', 'team', 'all'] as const;
export type DataScope = (typeof dataScopes)[number];

/** Fields a role may be denied (field-level rules); values are `<entity>.<field>`. */
export const restrictableFields = ['product.cost', 'order.margin', 'order.cost', 'customer.creditLimit'] as const;
export type RestrictableField = (typeof restrictableFields)[number];

export const roleKeys = ['admin', 'sales_manager', 'sales', 'coordinator', 'finance', 'warehouse', 'planner', 'aftersales'] as const;
export type RoleKey = (typeof roleKeys)[number];

interface RoleSeed {
  key: RoleKey;
  name: string;
  nameEn: string;
  dataScope: DataScope;
  permissions: readonly Permission[];
  hiddenFields: readonly RestrictableField[];
}

const read = (...r: string[]) => r.map((x) => `${x}:read` as Permission);

export const seededRoles: readonly RoleSeed[] = [
  { key: 'admin', name: '管理员', nameEn: 'Administrator', dataScope: 'all', permissions: permissionList, hiddenFields: [] },
  {
    key: 'sales_manager',
    name: '销售经理',
    nameEn: 'Sales manager',
    dataScope: 'team',
    permissions: [
      ...read('customers', 'requirements', 'orders', 'products', 'inventory', 'production', 'shipping', 'aftersales', 'finance', 'reports', 'board'),
      'customers:write',
      'customers:approve',
      'requirements:write',
      'orders:write',
      'orders:approve',
    ],
    hiddenFields: [],
  },
  {
    key: 'sales',
    name: '销售',
    nameEn: 'Sales rep',
    dataScope: 'own',
    permissions: [...read('customers', 'requirements', 'orders', 'products', 'inventory', 'production', 'shipping', 'aftersales'), 'customers:write', 'requirements:write', 'orders:write', 'aftersales:write'],
    hiddenFields: ['product.cost', 'order.margin', 'order.cost'],
  },
  {
    key: 'coordinator',
    name: '跟单员',
    nameEn: 'Order coordinator',
    dataScope: 'team',
    permissions: [...read('customers', 'requirements', 'orders', 'products', 'inventory', 'production', 'shipping', 'aftersales', 'board'), 'requirements:write', 'orders:write', 'shipping:write', 'aftersales:write'],
    hiddenFields: ['product.cost', 'order.margin', 'order.cost'],
  },
  {
    key: 'finance',
    name: '财务',
    nameEn: 'Finance',
    dataScope: 'all',
    permissions: [...read('customers', 'orders', 'products', 'shipping', 'finance', 'reports'), 'finance:write', 'orders:approve', 'customers:approve'],
    hiddenFields: [],
  },
  {
    key: 'warehouse',
    name: '仓库',
    nameEn: 'Warehouse',
    dataScope: 'all',
    permissions: [...read('orders', 'products', 'inventory', 'shipping', 'production'), 'inventory:write', 'shipping:write'],
    hiddenFields: ['product.cost', 'order.margin', 'order.cost', 'customer.creditLimit'],
  },
  {
    key: 'planner',
    name: '生产计划',
    nameEn: 'Production planner',
    dataScope: 'all',
    permissions: [...read('orders', 'products', 'inventory', 'production', 'board'), 'production:write', 'products:write', 'inventory:write'],
    hiddenFields: ['order.margin', 'customer.creditLimit'],
  },
  {
    key: 'aftersales',
    name: '售后',
    nameEn: 'After-sales',
    dataScope: 'all',
    permissions: [...read('customers', 'orders', 'products', 'shipping', 'aftersales'), 'aftersales:write'],
    hiddenFields: ['product.cost', 'order.margin', 'order.cost', 'customer.creditLimit'],
  },
];
