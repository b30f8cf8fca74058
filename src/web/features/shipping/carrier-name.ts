import { useTranslation } from 'react-i18next';
import { carriers } from '../../../contracts/shipping.ts';

/** A carrier's name in the UI language, from the one carrier table in contracts; unknown keys as stored. */
export function useCarrierName() {
  const { i18n, t } = useTranslation();
  return (key: string | null | undefined): string => {
    if (!key) return t('common.none');
    const c = carriers[key as keyof typeof carriers];
    if (!c) return key;
    return i18n.language === 'en-US' ? c.en : c.zh;
  };
}
