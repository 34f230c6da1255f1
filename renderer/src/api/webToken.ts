const STORAGE_KEY = 'rustavi.apiToken'

/** What takeWebToken touches; `window` has it all, a test passes plain objects. */
export interface TokenPlace {
  location: { hash: string; pathname: string; search: string }
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void }
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
}

/** The web host's per-run token from a `#token=...` hash, or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')
  return token ? token : null
}

/**
 * The web host opens the app at `/#token=<token>`. The token moves to sessionStorage (so a reload
 * of the tab keeps working) and out of the address bar, where it could be copied, bookmarked or
 * shown in a screenshot. Without one the API answers UNAUTHENTICATED, which the UI shows.
 */
export function takeWebToken(place: TokenPlace): string {
  const fromHash = tokenFromHash(place.location.hash)
  if (fromHash !== null) {
    remember(place, fromHash)
    const rest = new URLSearchParams(place.location.hash.replace(/^#/, ''))
    rest.delete('token')
    const hash = rest.size > 0 ? `#${rest.toString()}` : ''
    place.history.replaceState(
      place.history.state,
      '',
      `${place.location.pathname}${place.location.search}${hash}`,
    )
    return fromHash
  }
  try {
    return place.sessionStorage.getItem(STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}

function remember(place: TokenPlace, token: string): void {
  try {
    place.sessionStorage.setItem(STORAGE_KEY, token)
  } catch {
    // Storage disabled: the token still works until the tab reloads.
  }
}
