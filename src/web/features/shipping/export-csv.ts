import { saveBlob } from '../../lib/api.ts';

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote always; a leading = + - @ would be read as a formula by Excel.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** The rows on screen as a CSV Excel opens directly (UTF-8 with BOM, so Chinese stays readable). */
export function exportCsv(filename: string, header: string[], rows: (string | number | null | undefined)[][]): void {
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
  saveBlob(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), filename);
}
