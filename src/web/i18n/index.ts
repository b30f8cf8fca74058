import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales } from '../../contracts/auth.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export type Language = (typeof locales)[number];
export const languages: readonly Language[] = locales;
/** Each language named in itself, for the switchers. */
export const languageLabels: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };
const STORAGE_KEY = 'gendan.language';

function stored(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en-US' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: stored(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;
document.title = i18n.t('app.fullName');

export function currentLanguage(): Language {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** Switches the UI language and remembers it in this browser. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
  document.title = i18n.t('app.fullName');
}

export default i18n;
