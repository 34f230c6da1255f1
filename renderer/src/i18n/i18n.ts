import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ka } from './ka'
import { type Language, rememberLanguage, storedLanguage } from './language'

declare global {
  interface Window {
    /** Keys the UI asked for that no translation has; end-to-end tests assert it stays empty. */
    __missingI18nKeys?: string[]
  }
}

window.__missingI18nKeys ??= []

void i18next.use(initReactI18next).init({
  resources: { ka: { translation: ka }, en: { translation: en } },
  lng: storedLanguage(),
  supportedLngs: ['ka', 'en'],
  // A missing Georgian text must show up as a defect, never silently as English or as a raw key.
  fallbackLng: false,
  saveMissing: true,
  missingKeyHandler: (languages, _namespace, key) => {
    window.__missingI18nKeys?.push(`${languages.join(',')}:${key}`)
  },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

document.documentElement.lang = i18next.language

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng
  rememberLanguage(lng as Language)
})

export { i18next }
