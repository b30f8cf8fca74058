import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a form with unsaved input — by link, back button or closing the tab —
 * so typed work is not lost by a stray click. Call `release()` right before navigating away
 * after a successful save.
 */
export function useUnsavedGuard(dirty: boolean): { release: () => void } {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const released = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !released.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('common.leaveTitle'),
      content: t('common.leaveHint'),
      okText: t('common.leave'),
      okButtonProps: { danger: true },
      cancelText: t('common.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { release: () => void (released.current = true) };
}
