import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistStages } from '../../../../contracts/responsibility.ts';
import type { StageName } from '../../../../contracts/stages.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useChecklist, useSaveChecklist } from './api.ts';

type Row = { id?: string; labelZh: string; labelEn: string; required: boolean };

/** Checklist items per stage (key nodes: customer confirmation, finance review, shipping notice): the stage cannot finish until its required items are ticked. */
export function ChecklistsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [stage, setStage] = useState<StageName>('review');
  const list = useChecklist(stage);
  const save = useSaveChecklist(stage);
  const [form] = Form.useForm<{ items: Row[] }>();
  useEffect(() => {
    if (list.data) form.setFieldsValue({ items: list.data.map((i) => ({ id: i.id, labelZh: i.labelZh, labelEn: i.labelEn, required: i.required })) });
  }, [list.data, form]);
  const submit = async (v: { items?: Row[] }) => {
    try {
      await save.mutateAsync({ items: v.items ?? [] });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err, ['items'], {}, { nested: true })) void message.error((err as Error).message);
    }
  };
  return (
    <Card size="small" title={t('responsibilityAdmin.checklists.title')}>
      <Typography.Paragraph type="secondary">{t('responsibilityAdmin.checklists.help')}</Typography.Paragraph>
      <Select<StageName> value={stage} onChange={setStage} style={{ minWidth: 180, marginBottom: 12 }} options={checklistStages.map((s) => ({ value: s, label: t(`orders.stage.${s}`) }))} />
      {list.error && <ErrorAlert error={list.error} />}
      <Form key={stage} form={form} onFinish={submit} layout="vertical">
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('responsibilityAdmin.checklists.empty')} />}
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'labelZh']} rules={[{ required: true, max: 200 }]}>
                    <Input placeholder={t('responsibilityAdmin.checklists.labelZh')} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'labelEn']} rules={[{ required: true, max: 200 }]}>
                    <Input placeholder={t('responsibilityAdmin.checklists.labelEn')} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked">
                    <Checkbox>{t('responsibilityAdmin.checklists.required')}</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ labelZh: '', labelEn: '', required: true })}>
                  {t('responsibilityAdmin.checklists.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
