import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDivision, isValidTaxId, normalizeCompanyName, normalizeMobile, normalizePhone } from './cn.ts';

test('mobile numbers: valid CN mobiles pass, 12345678901 and landlines do not', () => {
  assert.equal(normalizeMobile('138 0013 8000'), '13800138000');
  assert.equal(normalizeMobile('+86 139-1234-5678'), '13912345678');
  assert.equal(normalizeMobile('12345678901'), null);
  assert.equal(normalizeMobile('021-62088888'), null);
});

test('landlines are valid phones', () => {
  assert.equal(normalizePhone('021-62088888'), '+862162088888');
  assert.equal(normalizePhone('0755-86668888'), '+8675586668888');
  assert.equal(normalizePhone('123'), null);
});

test('unified social credit code checksum', () => {
  assert.equal(isValidTaxId('91350100M000100Y43'), true);
  assert.equal(isValidTaxId('91350100M000100Y44'), false);
  assert.equal(isValidTaxId('91110108MA01ABCDE'), false);
  assert.equal(isValidTaxId('9135010OM000100Y43'), false, 'letter O is not in the alphabet');
});

test('province/city/district must be a real combination', () => {
  assert.equal(checkDivision('广东省', '深圳市', '南山区'), null);
  assert.equal(checkDivision('北京市', '北京市', '朝阳区'), null);
  assert.equal(checkDivision('广东省', '杭州市', '西湖区'), 'city');
  assert.equal(checkDivision('浙江省', '杭州市', '南山区'), 'district');
  assert.equal(checkDivision('火星省', '杭州市', '西湖区'), 'province');
});

test('company names normalize for duplicate search', () => {
  assert.equal(normalizeCompanyName('上海 恒通（集团）有限公司'), normalizeCompanyName('上海恒通股份有限公司'));
  assert.notEqual(normalizeCompanyName('上海恒通'), normalizeCompanyName('上海恒达'));
});
