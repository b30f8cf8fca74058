/**
 * Chinese-convention checks shared by the server and the web form: phone numbers,
 * unified social credit codes (tax IDs), province/city/district combinations, names.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import divisions from './data/china-divisions.json' with { type: 'json' };

export interface Division {
  c: string;
  n: string;
  d?: Division[];
}
export const chinaDivisions = divisions as Division[];

/**
 * Parsing a number with full metadata costs tens of microseconds, and a row is checked by
 * its schema and then normalized again when stored (imports: 100,000 rows). The last few
 * thousand answers are kept; the functions are pure, so a remembered answer is the answer.
 */
const MEMO_MAX = 4096;
const mobiles = new Map<string, string | null>();
const phones = new Map<string, string | null>();
function remembered(memo: Map<string, string | null>, input: string, f: (v: string) => string | null): string | null {
  const hit = memo.get(input);
  if (hit !== undefined) return hit;
  if (memo.size >= MEMO_MAX) memo.clear();
  const v = f(input);
  memo.set(input, v);
  return v;
}

/** Mobile numbers: a valid CN mobile, returned as its 11 national digits. */
export function normalizeMobile(input: string): string | null {
  return remembered(mobiles, input, mobileOf);
}
function mobileOf(input: string): string | null {
  const p = parsePhoneNumberFromString(input.trim(), 'CN');
  if (!p || !p.isValid() || p.country !== 'CN') return null;
  const type = p.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return p.nationalNumber;
}

/** Any valid CN phone (mobile or landline such as 021-6208 8888), as E.164. */
export function normalizePhone(input: string): string | null {
  return remembered(phones, input, phoneOf);
}
function phoneOf(input: string): string | null {
  const p = parsePhoneNumberFromString(input.trim(), 'CN');
  if (!p || !p.isValid() || p.country !== 'CN') return null;
  return p.number;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character. */
export function isValidTaxId(input: string): boolean {
  const v = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(v[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === v[17];
}

/** Which level of the province/city/district triple is wrong, or null when it is real. */
export function checkDivision(province: string, city: string, district: string): 'province' | 'city' | 'district' | null {
  const p = chinaDivisions.find((x) => x.n === province);
  if (!p) return 'province';
  const c = p.d?.find((x) => x.n === city);
  if (!c) return 'city';
  if (!c.d?.some((x) => x.n === district)) return 'district';
  return null;
}

/**
 * Company names compared for duplicates: without legal-form words, brackets, spaces and
 * punctuation, full-width folded — "上海 恒通（集团）有限公司" ≈ "上海恒通集团".
 */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/有限责任公司|股份有限公司|有限公司|股份|集团|公司|co\.?,?\s*ltd\.?|limited|inc\.?|corp\.?/g, '')
    .replace(/[\s()（）[\]【】{}<>《》.,，。·、\-_'"]/g, '');
}
