import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../contracts/calendar.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api.ts';
import { dayjs } from '../../../lib/date-field.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useSaveWorkCalendar, useWorkCalendar } from './api.ts';

interface Hours {
  workStart: string;
  workEnd: string;
  lunch: boolean;
  lunchStart?: string;
  lunchEnd?: string;
  weekendDays: number[];
}
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);

/** 设置 → 工作日历: one year's working hours, days off, holidays and make-up workdays. */
export function WorkCalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const cal = useWorkCalendar(year);
  const save = useSaveWorkCalendar(year);
  const [form] = Form.useForm<Hours>();
  const [holidays, setHolidays] = useState<CalendarDay[]>([]);
  const [workdays, setWorkdays] = useState<CalendarDay[]>([]);
  const [range, setRange] = useState<[string, string] | null>(null);
  const [holidayName, setHolidayName] = useState('');
  const [day, setDay] = useState<string | null>(null);
  const [dayName, setDayName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const weekdays = t('workCalendar.weekdays', { returnObjects: true }) as string[];

  useEffect(() => {
    if (!cal.data) return;
    const c = cal.data;
    form.setFieldsValue({ workStart: c.workStart, workEnd: c.workEnd, lunch: !!c.lunchStart, lunchStart: c.lunchStart ?? '12:00', lunchEnd: c.lunchEnd ?? '13:00', weekendDays: c.weekendDays });
    setHolidays(c.holidays);
    setWorkdays(c.workdays);
    setError(null);
  }, [cal.data, form]);

  const addHolidays = () => {
    if (!range || !holidayName.trim()) return;
    const days: CalendarDay[] = [];
    for (let d = dayjs(range[0]); !d.isAfter(dayjs(range[1]), 'day'); d = d.add(1, 'day')) days.push({ date: d.format('YYYY-MM-DD'), name: holidayName.trim() });
    setHolidays((list) => [...list.filter((h) => !days.some((x) => x.date === h.date)), ...days].sort(byDate));
    setRange(null);
    setHolidayName('');
  };
  const addWorkday = () => {
    if (!day || !dayName.trim()) return;
    setWorkdays((list) => [...list.filter((w) => w.date !== day), { date: day, name: dayName.trim() }].sort(byDate));
    setDay(null);
    setDayName('');
  };

  const onSave = async () => {
    setError(null);
    let v: Hours;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync({
        workStart: v.workStart,
        workEnd: v.workEnd,
        lunchStart: v.lunch ? (v.lunchStart ?? null) : null,
        lunchEnd: v.lunch ? (v.lunchEnd ?? null) : null,
        weekendDays: v.weekendDays,
        holidays,
        workdays,
        version: cal.data?.version ?? 0,
      });
      void message.success(t('workCalendar.saved', { year }));
    } catch (err) {
      applyServerErrors(form, err, ['workStart', 'workEnd', 'lunchStart', 'lunchEnd', 'weekendDays']);
      setError(err);
    }
  };

  const fieldProblems = error instanceof ApiError ? error.fieldErrors.filter((f) => /^(holidays|workdays)\./.test(f.path)) : [];
  const dayColumns = (remove: (date: string) => void) => [
    { title: t('workCalendar.date'), dataIndex: 'date', key: 'date', render: (d: string) => `${d} ${weekdays[dayjs(d).day()]}` },
    { title: t('workCalendar.name'), dataIndex: 'name', key: 'name' },
    { title: '', key: 'x', width: 48, render: (_: unknown, r: CalendarDay) => <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('workCalendar.remove')} onClick={() => remove(r.date)} /> },
  ];
  const inYear = (d: dayjs.Dayjs) => d.year() !== year;
  const timeRule = { pattern: hhmm, message: t('workCalendar.timeFormat') };

  return (
    <>
      <PageHeader
        title={t('workCalendar.title')}
        subtitle={t('workCalendar.subtitle')}
        extra={
          <Space wrap>
            <Select value={year} onChange={setYear} style={{ width: 110 }} aria-label={t('workCalendar.year')} options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))} data-testid="calendar-year" />
            <Button type="primary" onClick={onSave} loading={save.isPending} disabled={!cal.data} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      />
      <div className="gd-stack">
        {cal.error && <ErrorAlert error={cal.error} />}
        {cal.data?.version === 0 && <Alert type="info" showIcon title={t('workCalendar.notStored', { year })} />}
        {error != null && <ErrorAlert error={error} />}
        {fieldProblems.length > 0 && <Alert type="error" title={<ul style={{ margin: 0, paddingLeft: 18 }}>{fieldProblems.map((f) => <li key={f.path}>{f.message}</li>)}</ul>} />}
        <Card size="small" title={t('workCalendar.hours')} extra={cal.data && cal.data.version > 0 ? <Typography.Text type="secondary">{t('workCalendar.version', { version: cal.data.version })}</Typography.Text> : null}>
          <Form form={form} layout="inline" disabled={cal.isPending} style={{ rowGap: 8 }}>
            <Form.Item name="workStart" label={t('workCalendar.workStart')} rules={[{ required: true, message: t('workCalendar.timeFormat') }, timeRule]}>
              <Input style={{ width: 80 }} placeholder="09:00" />
            </Form.Item>
            <Form.Item name="workEnd" label={t('workCalendar.workEnd')} rules={[{ required: true, message: t('workCalendar.timeFormat') }, timeRule]}>
              <Input style={{ width: 80 }} placeholder="18:00" />
            </Form.Item>
            <Form.Item name="lunch" label={t('workCalendar.lunch')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.lunch !== b.lunch}>
              {({ getFieldValue }) =>
                getFieldValue('lunch') ? (
                  <>
                    <Form.Item name="lunchStart" label={t('workCalendar.lunchStart')} rules={[{ required: true, message: t('workCalendar.timeFormat') }, timeRule]}>
                      <Input style={{ width: 80 }} placeholder="12:00" />
                    </Form.Item>
                    <Form.Item name="lunchEnd" label={t('workCalendar.lunchEnd')} rules={[{ required: true, message: t('workCalendar.timeFormat') }, timeRule]}>
                      <Input style={{ width: 80 }} placeholder="13:00" />
                    </Form.Item>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('workCalendar.noLunch')}</Typography.Text>
                )
              }
            </Form.Item>
            <Form.Item name="weekendDays" label={t('workCalendar.weekend')} style={{ marginTop: 8 }}>
              <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: weekdays[d] }))} />
            </Form.Item>
          </Form>
        </Card>
        <Card size="small" title={<Space>{t('workCalendar.holidays')}<Tag>{t('workCalendar.holidayCount', { count: holidays.length })}</Tag></Space>}>
          <Space wrap style={{ marginBottom: 8 }}>
            <DatePicker.RangePicker
              value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
              onChange={(v) => setRange(v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null)}
              disabledDate={inYear}
              defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
            />
            <Input value={holidayName} onChange={(e) => setHolidayName(e.target.value)} placeholder={t('workCalendar.holidayName')} style={{ width: 220 }} maxLength={40} />
            <Button icon={<PlusOutlined />} onClick={addHolidays} disabled={!range || !holidayName.trim()} data-testid="add-holiday">
              {t('workCalendar.addRange')}
            </Button>
          </Space>
          <Table<CalendarDay> size="small" rowKey="date" dataSource={holidays} pagination={false} scroll={{ y: 360 }} columns={dayColumns((d) => setHolidays((l) => l.filter((h) => h.date !== d)))} data-testid="holiday-table" />
        </Card>
        <Card size="small" title={t('workCalendar.workdays')}>
          <Space wrap style={{ marginBottom: 8 }}>
            <DatePicker value={day ? dayjs(day) : null} onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : null)} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} />
            <Input value={dayName} onChange={(e) => setDayName(e.target.value)} placeholder={t('workCalendar.workdayName')} style={{ width: 220 }} maxLength={40} />
            <Button icon={<PlusOutlined />} onClick={addWorkday} disabled={!day || !dayName.trim()} data-testid="add-workday">
              {t('workCalendar.addDay')}
            </Button>
          </Space>
          <Table<CalendarDay> size="small" rowKey="date" dataSource={workdays} pagination={false} columns={dayColumns((d) => setWorkdays((l) => l.filter((w) => w.date !== d)))} data-testid="workday-table" />
        </Card>
      </div>
    </>
  );
}
