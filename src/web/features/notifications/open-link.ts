import type { NavigateFunction } from 'react-router';

/**
 * Notification links may be absolute (built from GENDAN_PUBLIC_URL) or app paths: links
 * into this app navigate in place, anything else opens in a new tab.
 */
export function openNotificationLink(link: string, navigate: NavigateFunction): void {
  const url = new URL(link, window.location.origin);
  if (url.origin === window.location.origin) void navigate(url.pathname + url.search + url.hash);
  else window.open(url.href, '_blank', 'noopener');
}
