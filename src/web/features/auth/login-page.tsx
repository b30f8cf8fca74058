import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { seededRoles } from '../../../contracts/permissions.ts';
import { landingPath } from '../../app/nav.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { currentLanguage, languageLabels, languages, setLanguage, type Language } from '../../i18n/index.ts';
import { authKeys, useDemoAccounts, useLogin, useMe, type MeReply } from './api.ts';
import './login-page.css';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-app paths are followed after sign-in. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const me = useMe();
  const login = useLogin();
  const demo = useDemoAccounts();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const lang = currentLanguage();

  if (me.data) return <Navigate to={next ?? landingPath(me.data.user)} replace />;

  const submit = (values: Credentials) =>
    login.mutate(values, {
      onSuccess: () => {
        const session = qc.getQueryData<MeReply | null>(authKeys.me);
        void navigate(next ?? (session ? landingPath(session.user) : '/'), { replace: true });
      },
    });

  const roleName = (key: string) => {
    const r = seededRoles.find((x) => x.key === key);
    return r ? (lang === 'en-US' ? r.nameEn : r.name) : key;
  };
  const accounts = demo.data?.items ?? [];

  return (
    <div className="gd-login">
      <div className="gd-login-lang">
        <Segmented<Language>
          size="small"
          value={lang}
          onChange={(v) => void setLanguage(v)}
          options={languages.map((l) => ({ value: l, label: languageLabels[l] }))}
        />
      </div>
      <div className="gd-login-inner">
        <div className="gd-login-brand">
          <span className="gd-brand-mark gd-login-mark">跟</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Card title={t('auth.welcome')} className="gd-login-card">
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => login.reset()} disabled={login.isPending}>
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {login.error && <ErrorAlert error={login.error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
        {accounts.length > 0 && (
          <Card title={t('auth.demoTitle')} size="small" className="gd-login-card" extra={<Typography.Text type="secondary">{t('auth.demoHint')}</Typography.Text>}>
            <Table
              size="small"
              rowKey="username"
              pagination={false}
              dataSource={accounts}
              onRow={(r) => ({ onClick: () => form.setFieldsValue({ username: r.username, password: r.password }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('auth.role'), dataIndex: 'role', render: (k: string) => roleName(k) },
                { title: t('auth.username'), dataIndex: 'username', render: (v: string) => <span className="gd-mono">{v}</span> },
                { title: t('auth.password'), dataIndex: 'password', render: (v: string) => <span className="gd-mono">{v}</span> },
              ]}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
