import dayjs, { type Dayjs } from 'dayjs';

/**
 * antd DatePicker works with dayjs objects; our forms and the API keep plain strings.
 * Spread into a Form.Item: the form value stays `YYYY-MM-DD` (or an ISO time with `withTime`).
 */
export function dateFieldProps(withTime = false) {
  return {
    getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
    normalize: (d: Dayjs | null | undefined) => (d ? (withTime ? d.toISOString() : d.format('YYYY-MM-DD')) : null),
  };
}

/** Today as `YYYY-MM-DD` in the browser's calendar. */
export const today = () => dayjs().format('YYYY-MM-DD');
export { dayjs };
