import { useTranslation } from 'react-i18next';
import type { CustomField } from './api.ts';

/** A field's label in the UI language (the English label when the admin gave one). */
export function useFieldLabel() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (f: Pick<CustomField, 'label' | 'labelEn'>) => (en && f.labelEn ? f.labelEn : f.label);
}
