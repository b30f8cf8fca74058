import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelayReason } from '../../../../contracts/responsibility.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useAdminDelayReasons, useSaveDelayReason } from './api.ts';

type Values = { code: string; labelZh: string; labelEn: string };

/** The delay reasons owners pick from: add, rename (both languages), retire. */
export function DelayReasonsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAdminDelayReasons();
  const save = useSaveDelayReason();
  const [editing, setEditing] = useState<DelayReason | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const open = (r: DelayReason | 'new') => {
    setEditing(r);
    form.setFieldsValue(r === 'new' ? { code: '', labelZh: '', labelEn: '' } : { code: r.code, labelZh: r.labelZh, labelEn: r.labelEn });
  };
  const submit = async () => {
    const v = await form.validateFields();
    const create = editing === 'new';
    try {
      await save.mutateAsync({ code: v.code, create, body: create ? v : { labelZh: v.labelZh, labelEn: v.labelEn } });
      void message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      if (!applyServerErrors(form, err, ['code', 'labelZh', 'labelEn'], { CODE_TAKEN: 'code' })) void message.error((err as Error).message);
    }
  };
  const toggle = async (r: DelayReason, active: boolean) => {
    try {
      await save.mutateAsync({ code: r.code, create: false, body: { active } });
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Card size="small" title={t('responsibilityAdmin.reasons.title')} extra={<Button icon={<PlusOutlined />} onClick={() => open('new')}>{t('responsibilityAdmin.reasons.add')}</Button>}>
      {list.error && <ErrorAlert error={list.error} />}
      <Table<DelayReason>
        rowKey="code"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('responsibilityAdmin.reasons.code'), dataIndex: 'code' },
          { title: t('responsibilityAdmin.reasons.labelZh'), dataIndex: 'labelZh' },
          { title: t('responsibilityAdmin.reasons.labelEn'), dataIndex: 'labelEn' },
          { title: t('responsibilityAdmin.reasons.prefill'), key: 'prefill', render: (_, r) => r.prefill.map((p) => p.event).join(t('common.listSep')) || t('common.none') },
          { title: t('responsibilityAdmin.reasons.active'), key: 'active', render: (_, r) => <Switch size="small" checked={r.active} onChange={(v) => toggle(r, v)} /> },
          { title: t('common.actions'), key: 'edit', render: (_, r) => <Button size="small" type="link" onClick={() => open(r)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? t('responsibilityAdmin.reasons.add') : t('common.edit')} onCancel={() => setEditing(null)} onOk={submit} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('responsibilityAdmin.reasons.code')} extra={t('responsibilityAdmin.reasons.codeHelp')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('responsibilityAdmin.reasons.codeHelp') }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="labelZh" label={t('responsibilityAdmin.reasons.labelZh')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="labelEn" label={t('responsibilityAdmin.reasons.labelEn')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
