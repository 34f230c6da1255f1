import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { homeRoute, type Route, routeFromState } from './routes'

interface Router {
  route: Route
  /** An i18n key to confirm what just happened ("saved", "deleted"); shown once, not on Back. */
  flash: string | null
  /** Shows another screen; the browser's (and Electron's) Back returns to this one. */
  navigate(route: Route, flash?: string): void
  /** Changes the current entry without adding to the history (a tab switch, a saved form). */
  replace(route: Route, flash?: string): void
}

const RouterContext = createContext<Router | null>(null)

/**
 * A router of our own: the address bar never changes (the app has one page and, in the web host,
 * a token to keep out of it); the screen lives in `history.state`, so Back and Forward still work.
 */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => routeFromState(history.state) ?? homeRoute)
  const [flash, setFlash] = useState<string | null>(null)

  useEffect(() => {
    if (!routeFromState(history.state)) history.replaceState({ route: homeRoute }, '')
    const onPop = (event: PopStateEvent) => {
      setFlash(null)
      setRoute(routeFromState(event.state) ?? homeRoute)
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const navigate = useCallback((next: Route, message?: string) => {
    history.pushState({ route: next }, '')
    setFlash(message ?? null)
    setRoute(next)
    window.scrollTo(0, 0)
  }, [])

  const replace = useCallback((next: Route, message?: string) => {
    history.replaceState({ route: next }, '')
    setFlash(message ?? null)
    setRoute(next)
  }, [])

  const value = useMemo(() => ({ route, flash, navigate, replace }), [route, flash, navigate, replace])
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>
}

export function useRouter(): Router {
  const router = useContext(RouterContext)
  if (!router) throw new Error('useRouter outside RouterProvider')
  return router
}
