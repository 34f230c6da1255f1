import type { FormEvent, ReactNode } from 'react'

interface Props {
  onSubmit(event: FormEvent<HTMLFormElement>): void
  /** Esc anywhere in the form (a modal handles its own Esc and needs no handler). */
  onEscape?: () => void
  children: ReactNode
  'aria-label'?: string
}

/**
 * A form a clerk drives from the keyboard: Enter in a field submits (the browser's own behaviour,
 * kept by having a submit button), Esc cancels. Validation is the schema's, so the browser's is off.
 */
export function KeyboardForm({ onSubmit, onEscape, children, ...rest }: Props) {
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onEscape && !event.defaultPrevented) {
          event.preventDefault()
          onEscape()
        }
      }}
      {...rest}
    >
      {children}
    </form>
  )
}
