import { CheckOutlined, DownOutlined, KeyOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api.ts';
import { useSession } from '../../features/auth/session.ts';
import { currentLanguage, languageLabels, languages, setLanguage, type Language } from '../../i18n/index.ts';
import { TOKENS_PATH } from '../nav.tsx';

/** Display name, language switch, API tokens, sign out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const lang = currentLanguage();

  const items: MenuProps['items'] = [
    { key: 'who', label: `${user.displayName} (${user.username})`, icon: <UserOutlined />, disabled: true },
    { type: 'divider' },
    {
      key: 'lang',
      type: 'group',
      label: (
        <span>
          <TranslationOutlined /> {t('header.language')}
        </span>
      ),
      children: languages.map((l) => ({
        key: `lang:${l}`,
        label: languageLabels[l],
        icon: l === lang ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      })),
    },
    { type: 'divider' },
    { key: 'tokens', label: t('header.apiTokens'), icon: <KeyOutlined /> },
    { key: 'logout', label: t('auth.logout'), icon: <LogoutOutlined />, danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('lang:')) void setLanguage(key.slice(5) as Language);
    else if (key === 'tokens') void navigate(TOKENS_PATH);
    else if (key === 'logout') logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="gd-header-btn gd-user-btn" data-testid="user-menu">
        <Avatar size="small" style={{ background: '#1677ff' }}>
          {user.displayName.slice(0, 1).toUpperCase()}
        </Avatar>
        {!compact && <span className="gd-user-name">{user.displayName}</span>}
        {!compact && <DownOutlined style={{ fontSize: 10 }} />}
      </Button>
    </Dropdown>
  );
}
