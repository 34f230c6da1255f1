import type { ReactNode } from 'react'

/**
 * A long table in a box of its own height: focusable, so the keyboard can scroll it, and named,
 * so a screen reader announces what it holds.
 */
export function ScrollRegion({
  label,
  maxHeight = 520,
  children,
}: {
  label: string
  maxHeight?: number
  children: ReactNode
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      style={{
        maxHeight,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      {children}
    </section>
  )
}
