const STORAGE_KEY = 'rustavi.firstRun.demo'

/** Whether someone on this PC chose to work with the demo instead of enrolling it. */
export function demoChosen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

export function rememberDemoChoice(): void {
  try {
    localStorage.setItem(STORAGE_KEY, '1')
  } catch {
    // Storage disabled: the offer comes back at the next start, which does no harm.
  }
}
