import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { authKeys } from '../features/auth/api.ts';
import { ApiError, setSessionProblemHandler } from '../lib/api.ts';

const retry = (failures: number, err: unknown) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && failures < 2;

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry, staleTime: 30_000, refetchOnWindowFocus: true }, mutations: { retry: false } },
});

// A 401 anywhere means the session ended (idle timeout, disabled, signed out elsewhere):
// re-ask who we are; the router then sends the user to sign in, or a fresh CSRF token arrives.
setSessionProblemHandler(() => void queryClient.invalidateQueries({ queryKey: authKeys.me }));

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily, borderRadius: 6 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
