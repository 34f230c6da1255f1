export type Language = 'ka' | 'en'

const STORAGE_KEY = 'rustavi.language'

/** The clerk's chosen language, Georgian unless English was chosen on this PC before. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ka'
  } catch {
    return 'ka'
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Storage disabled: the choice lasts until the window closes.
  }
}

/** The language the current i18next instance speaks, narrowed to ours. */
export const asLanguage = (lng: string | undefined): Language => (lng === 'en' ? 'en' : 'ka')
