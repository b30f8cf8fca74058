/**
 * Every stable error code, its HTTP status and its message in both languages — the one
 * table behind `AppError` (CONVENTIONS rule 4). The web client shows `message` as sent.
 */
export type Locale = 'zh-CN' | 'en-US';

interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid; check the fields listed' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  INVALID_TOKEN: { status: 401, zh: 'API 令牌无效、已过期或已吊销', en: 'The API token is invalid, expired or revoked' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_THROTTLED: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
  CSRF_INVALID: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在或您无权查看', en: 'Not found, or you may not see it' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record changed meanwhile; reload and try again' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'That username is already taken' },
  SKU_TAKEN: { status: 409, zh: 'SKU 已存在', en: 'That SKU already exists' },
  CODE_TAKEN: { status: 409, zh: '编码已被使用', en: 'That code is already taken' },
  NAME_TAKEN: { status: 409, zh: '名称已被使用', en: 'That name is already taken' },
  IDEMPOTENCY_IN_FLIGHT: { status: 409, zh: '相同的请求正在处理中，请稍后再试', en: 'The same request is still being processed; retry shortly' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '幂等键已用于另一个不同的请求', en: 'This Idempotency-Key was used for a different request' },
  PASSWORD_TOO_WEAK: { status: 422, zh: '密码至少 8 位，且需包含字母和数字', en: 'Passwords need at least 8 characters with letters and digits' },
  CANNOT_DISABLE_SELF: { status: 422, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  LAST_ADMIN: { status: 422, zh: '系统至少需要保留一个启用的管理员', en: 'At least one active admin must remain' },
  UNKNOWN_ROLE: { status: 422, zh: '角色不存在', en: 'No such role' },
  UNKNOWN_PERMISSION: { status: 422, zh: '权限项不存在', en: 'No such permission' },
  LINK_EXPIRED: { status: 410, zh: '此链接已过期或已被撤销，请联系您的销售代表获取新链接', en: 'This link has expired or was revoked; ask your sales contact for a new one' },
  LINK_RATE_LIMITED: { status: 429, zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  INVALID_STATE: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  REQUIREMENT_NOT_CONFIRMED: { status: 409, zh: '需求单尚未经客户确认（或已转为订单）', en: 'The requirement is not confirmed by the customer (or already converted)' },
  REVISION_ALREADY_ANSWERED: { status: 409, zh: '此变更已答复过，无需重复操作', en: 'This change has already been answered' },
  REQUIREMENT_NOT_CONFIRMABLE: { status: 409, zh: '需求单当前无需确认', en: 'This requirement is not awaiting confirmation' },
  BOM_CYCLE: { status: 422, zh: 'BOM 存在循环引用（见 details.path）', en: 'The BOM would contain a cycle (see details.path)' },
  INSUFFICIENT_STOCK: { status: 422, zh: '可用库存不足（在库减去已预留）', en: 'Not enough available stock (on hand minus reserved)' },
  MATERIAL_SHORT: { status: 422, zh: '物料不足，工单不能下达（见 details.components）', en: 'Materials are short; the work order cannot be released (see details.components)' },
  PROGRESS_EXCEEDS_REMAINING: { status: 422, zh: '报工数量超过该工序剩余可报数量', en: 'The reported quantity exceeds what the operation still has to do' },
  NO_ROUTING: { status: 422, zh: '该产品没有工艺路线，请先维护工序', en: 'The product has no routing; define its operations first' },
  NO_WAREHOUSE: { status: 422, zh: '尚未设置仓库，请先创建仓库', en: 'No warehouse is set up yet; create one first' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过 10 MB 上限', en: 'The file exceeds the 10 MB limit' },
  IMPORT_FILE_INVALID: { status: 400, zh: '文件不是有效的 Excel（.xlsx）文件，或已损坏、过大', en: 'The file is not a valid Excel (.xlsx) file, or is corrupt or too large' },
  IMPORT_HAS_ERRORS: { status: 422, zh: '导入文件有错误，未导入任何数据，请按报告修正后重试', en: 'The file has errors; nothing was imported. Fix the rows listed and retry' },
  OPENING_STOCK_HAS_MOVEMENTS: { status: 409, zh: '文件中有产品在该仓库已有库存流水，未导入任何数据；确认用文件数量覆盖其在库数量后，请勾选覆盖（force=true）重新导入', en: 'Some products already have stock movements in that warehouse; nothing was imported. To set their on hand to the file quantity, import again with overwrite (force=true)' },
  PRICE_BELOW_FLOOR: { status: 422, zh: '单价低于底价', en: 'Unit price below the floor price' },
  PRICE_BELOW_LIST: { status: 422, zh: '单价低于标价', en: 'Unit price below the list price' },
  PRICE_BELOW_LAST: { status: 422, zh: '单价低于该客户上次成交价', en: "Unit price below the customer's last price" },
  SPEC_INVALID: { status: 422, zh: '规格选项不在允许范围内', en: 'A spec option is not allowed for the product' },
  QTY_OUT_OF_RANGE: { status: 422, zh: '数量超出最小/最大订购量', en: 'Quantity outside the minimum/maximum order quantity' },
  PRODUCT_INACTIVE: { status: 422, zh: '产品已停用', en: 'The product is inactive' },
  CREDIT_LIMIT_EXCEEDED: { status: 422, zh: '超出客户信用额度', en: "The customer's credit limit would be exceeded" },
  CUSTOMER_ON_HOLD: { status: 422, zh: '客户已被冻结', en: 'The customer is on hold' },
  LEAD_TIME_TOO_SHORT: { status: 422, zh: '承诺交期短于产品交货周期', en: 'The promised date is earlier than the lead time allows' },
  POSSIBLE_DUPLICATE_ORDER: { status: 422, zh: '疑似重复订单，请确认并填写原因', en: 'Possible duplicate order; confirm with a reason' },
  SELF_APPROVAL: { status: 403, zh: '不能审批自己提交的订单', en: 'You cannot approve your own order' },
  ORDER_CHANGED: { status: 409, zh: '订单在申请审批后已被修改，请重新审阅', en: 'The order changed after approval was requested; review it again' },
  ADJUSTMENT_SELF_APPROVAL: { status: 403, zh: '不能审批自己提交的库存调整', en: 'You cannot approve your own stock adjustment' },
  QTY_EXCEEDS_RESERVED: { status: 422, zh: '发货数量超过该行已预留的数量', en: 'The quantity exceeds what is reserved for the line' },
  ORDER_ON_HOLD: { status: 422, zh: '订单已暂停（信用或异常），不能发货', en: 'The order is on hold and cannot ship' },
  ADDRESS_INVALID: { status: 422, zh: '收货地址不完整或有误', en: 'The ship-to address is incomplete or wrong' },
  TRACKING_NUMBER_INVALID: { status: 422, zh: '物流单号格式不符合该承运商规则', en: "The tracking number does not match the carrier's format" },
  ADDRESS_CHANGED: { status: 422, zh: '收货地址与订单确认的地址不同，请填写原因', en: 'The ship-to address differs from the confirmed one; give a reason' },
  PACKING_INCOMPLETE: { status: 422, zh: '装箱数量与发货数量不符，请先完成装箱', en: 'Packed quantities do not match the shipment; finish packing first' },
  PDF_FONT_MISSING: { status: 503, zh: '服务器缺少中文字体，无法生成 PDF，请安装 fonts-noto-cjk 软件包（apt-get install fonts-noto-cjk）', en: 'No CJK font on the server to render the PDF; install the fonts-noto-cjk package (apt-get install fonts-noto-cjk)' },
  CHECKLIST_INCOMPLETE: { status: 422, zh: '该环节的检查清单还有必选项未勾选（见 details.items）', en: 'Required checklist items of the stage are not ticked yet (see details.items)' },
  STAGE_NOT_LATE: { status: 422, zh: '该环节没有延误，无需填写延误原因', en: 'The stage is not late; there is no delay to explain' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request is too large' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误，已记录，请稍后重试', en: 'Internal error (logged); please try again' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof errorCatalog;

/** What exactly is wrong with an import file (IMPORT_FILE_INVALID `details.reason`); `{x}` from the details. */
export const importFileProblems: Record<string, { zh: string; en: string }> = {
  not_xlsx: { zh: '文件不是 Excel（.xlsx）文件', en: 'The file is not an Excel (.xlsx) file' },
  corrupt_zip: { zh: 'Excel 文件已损坏', en: 'The Excel file is corrupt' },
  zip_bomb: { zh: '文件解压后过大，已拒绝', en: 'The file would expand far too much; refused' },
  unreadable: { zh: '无法读取此 Excel 文件的内容', en: 'The content of this Excel file cannot be read' },
  missing_column: { zh: '缺少必需的列：{column}', en: 'A required column is missing: {column}' },
  too_many_rows: { zh: '超过 {limit} 行，请拆分文件后分批导入', en: 'More than {limit} rows: split the file and import it in parts' },
  empty: { zh: '文件中没有表头或数据', en: 'The file has no header row or data' },
};

export function errorMessage(code: ErrorCode, locale: Locale, details?: unknown): string {
  const def: ErrorDef = errorCatalog[code];
  const d = (details ?? {}) as Record<string, unknown>;
  const problem = code === 'IMPORT_FILE_INVALID' && typeof d.reason === 'string' ? importFileProblems[d.reason] : undefined;
  if (problem) return (locale === 'en-US' ? problem.en : problem.zh).replace(/\{(\w+)\}/g, (_m, k: string) => String(d[k] ?? ''));
  return locale === 'en-US' ? def.en : def.zh;
}

/** The error body every failing request answers with. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: unknown;
  requestId: string;
}

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** Messages for field-level checks that zod does not word itself (refinements carry `reason`). */
export const fieldReasons = {
  invalid_mobile: { zh: '手机号码无效（应为 11 位中国大陆手机号）', en: 'not a valid mainland China mobile number' },
  invalid_phone: { zh: '电话号码无效（手机或带区号的固话）', en: 'not a valid phone number (mobile or landline with area code)' },
  invalid_tax_id: { zh: '统一社会信用代码无效（18 位，校验位不符）', en: 'not a valid unified social credit code (18 characters, check digit)' },
  invalid_division: { zh: '省/市/区组合不存在', en: 'province/city/district combination does not exist' },
  required: { zh: '必填', en: 'required' },
  different_product: { zh: '两行不是同一产品，不能调拨预留', en: 'the two lines are not the same product' },
  same_order: { zh: '不能在同一订单内调拨预留', en: 'both lines belong to the same order' },
  nul_character: { zh: '含有不允许的控制字符（NUL）', en: 'contains a forbidden control character (NUL)' },
  not_found: { zh: '引用的记录不存在', en: 'the referenced record does not exist' },
  taken: { zh: '已被使用', en: 'already taken' },
  unknown_role: { zh: '角色不存在', en: 'no such role' },
  too_weak: { zh: '至少 8 位，且需包含字母和数字', en: 'at least 8 characters with letters and digits' },
  too_long: { zh: '过长', en: 'too long' },
  invalid_cursor: { zh: '分页游标无效', en: 'invalid page cursor' },
  out_of_scope: { zh: '超出您的数据权限范围', en: 'outside your data scope' },
  inactive_user: { zh: '该用户已停用', en: 'that user is disabled' },
  unknown_field: { zh: '未定义的自定义字段', en: 'no such custom field' },
  options_required: { zh: '下拉类字段至少需要一个选项', en: 'select fields need at least one option' },
  invalid_text: { zh: '应为文本（不超过 2000 字）', en: 'must be text (up to 2000 characters)' },
  invalid_number: { zh: '应为数字', en: 'must be a number' },
  invalid_date: { zh: '应为日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  invalid_select: { zh: '不是可选的选项', en: 'not one of the options' },
  invalid_multiselect: { zh: '包含不可选的选项', en: 'contains a value that is not an option' },
  invalid_attachment: { zh: '附件格式无效', en: 'invalid attachment' },
  must_be_positive: { zh: '数量必须大于 0', en: 'must be greater than 0' },
  must_not_be_zero: { zh: '数量不能为 0', en: 'must not be 0' },
  unit_decimals: { zh: '小数位数超过该产品单位允许的位数', en: "more decimals than the product's unit allows" },
  same_warehouse: { zh: '调入仓库不能与调出仓库相同', en: 'must differ from the source warehouse' },
  transfer_only: { zh: '仅调拨时填写', en: 'only for transfers' },
  inactive: { zh: '已停用', en: 'is inactive' },
  max_3_decimals: { zh: '数量最多 3 位小数', en: 'at most 3 decimals' },
  image_required: { zh: '请上传图片（JPG、PNG 等）', en: 'upload an image (JPG, PNG, …)' },
  binary_body_required: { zh: '请求体应为文件内容（Content-Type: application/octet-stream 或 .xlsx）', en: 'send the file as the request body (application/octet-stream or .xlsx)' },
  invalid_setting: { zh: '设置值无效', en: 'invalid value for this setting' },
  floor_above_list: { zh: '底价不能高于标价', en: 'floor price above list price' },
  max_below_min: { zh: '最大订购量小于最小订购量', en: 'maximum below minimum' },
  date_in_past: { zh: '日期不能早于今天', en: 'must not be in the past' },
  role_or_user: { zh: '每一级需指定审批角色或审批人（二选一）', en: 'each level needs an approver role or a user (one of them)' },
  address_required: { zh: '请选择或填写收货地址', en: 'choose or enter a ship-to address' },
  product_required: { zh: '需求行未关联产品，请先选择产品', en: 'the requirement line has no product; choose one first' },
  self_reference: { zh: '产品不能作为自己的组件', en: 'a product cannot be its own component' },
  duplicate_component: { zh: '同一组件在 BOM 中出现多次', en: 'the component appears more than once in the BOM' },
  version_gap: { zh: '新版本的生效日期必须晚于当前版本', en: 'the new version must start after the current one' },
  exceeds_open_qty: { zh: '超过该行未发货数量', en: 'more than the line still has to ship' },
  invalid_format: { zh: '格式不正确', en: 'wrong format' },
  warehouse_not_empty: { zh: '仓库仍有库存，不能停用（请先调出或盘点为零）', en: 'the warehouse still holds stock; move it out or count it to zero first' },
  before_valid_from: { zh: '结束日期不能早于开始日期', en: 'must not be before the start date' },
  duplicate_product: { zh: '同一产品出现多次', en: 'the product appears more than once' },
  duplicate_item: { zh: '同一需求行选择了多次', en: 'the same requirement item is listed more than once' },
  version_mismatch: { zh: '记录已被他人修改', en: 'changed by someone else meanwhile' },
  unknown_anchor: { zh: '未知的锚点事件，可选：order.created、order.submitted、order.confirmed、shipment.dispatched、order.shipped、order.delivered、promised_date', en: 'unknown anchor event; use one of order.created, order.submitted, order.confirmed, shipment.dispatched, order.shipped, order.delivered, promised_date' },
  invalid_time: { zh: '时间格式应为 HH:mm', en: 'must be a time (HH:mm)' },
  end_before_start: { zh: '下班时间必须晚于上班时间', en: 'must be after the start of work' },
  lunch_pair: { zh: '午休开始和结束需同时填写或同时留空', en: 'give both lunch start and end, or neither' },
  lunch_outside_hours: { zh: '午休必须在上班时间之内', en: 'lunch must lie within working hours' },
  holiday_and_workday: { zh: '同一天不能既是假日又是调休上班日', en: 'a day cannot be both a holiday and a make-up workday' },
  wrong_year: { zh: '日期不属于所编辑的年份', en: 'the date is not in the year being edited' },
  duplicate_date: { zh: '日期重复', en: 'the date appears more than once' },
  duplicate_channel: { zh: '渠道重复', en: 'a channel appears more than once' },
  levels_in_order: { zh: '升级级别须从 1 开始依次递增', en: 'escalation levels must run 1, 2, 3… in order' },
  whole_minutes: { zh: '应为整分钟', en: 'must be whole minutes' },
  shift_past_midnight: { zh: '班次须在当天 24:00 前结束（开始时间 + 每日工时）', en: 'the shift must end by midnight (start + hours per day)' },
  max_1_decimal: { zh: '最多 1 位小数', en: 'at most 1 decimal' },
  unknown_placeholder: { zh: '模板中有不支持的占位符 {{placeholder}}', en: 'the template uses a placeholder that does not exist: {{placeholder}}' },
  not_in_shipment: { zh: '该订单行不在此发货单中', en: 'the order line is not in this shipment' },
  exceeds_shipment_qty: { zh: '装箱数量超过该行发货数量', en: 'more than the shipment line ships' },
  duplicate_package_no: { zh: '箱号重复', en: 'the package number is used twice' },
  duplicate_template: { zh: '同一渠道和语言的模板出现了两次', en: 'the same channel and language appear twice' },
  below_reserved: { zh: '盘点数量低于已预留数量，请先释放或调拨该产品的预留', en: 'counted below what is reserved; release or re-allocate the reservations of this product first' },
  nothing_to_count: { zh: '该仓库没有任何库存记录，请选择要盘点的产品', en: 'the warehouse holds no stock records; choose the products to count' },
  duplicate_stock_row: { zh: '同一产品和仓库在文件中出现多次（第 {row} 行）', en: 'the same product and warehouse appear more than once (row {row})' },
  must_not_be_negative: { zh: '不能为负数', en: 'must not be negative' },
  max_2_decimals: { zh: '金额最多 2 位小数', en: 'at most 2 decimals' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type FieldReason = keyof typeof fieldReasons;

/** The reason's text in `locale`; `{{name}}` in it is filled from `values` (e.g. the placeholder a template got wrong). */
export function fieldReasonMessage(reason: string, locale: Locale, values: Record<string, unknown> = {}): string | null {
  const r = (fieldReasons as Record<string, { zh: string; en: string }>)[reason];
  if (!r) return null;
  return (locale === 'en-US' ? r.en : r.zh).replace(/\{\{(\w+)\}\}/g, (_, k: string) => (values[k] === undefined ? '' : `{${String(values[k])}}`)).replace(/[:：]?\s*$/, '');
}
