import { TextInput, type TextInputProps } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'

export interface ParsedTextInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The form's value: a parsed value, the raw text that failed to parse, or empty. */
  value: unknown
  onChange(value: unknown): void
  /** Text as typed -> value, or null when the text is not one. */
  parse(text: string): unknown
  /** A form value -> the text shown for it. */
  formatValue(value: unknown): string
  /** What an empty box means: null for an optional field, undefined ("required") otherwise. */
  emptyValue: null | undefined
}

/**
 * A text box over a typed value (money, a date, a number). The clerk's text stays as typed; the
 * form receives the parsed value, or the unparsable text itself, which the domain schema then
 * rejects with its own message. No parsing rule lives here, only the plumbing.
 */
export function ParsedTextInput({
  value,
  onChange,
  parse,
  formatValue,
  emptyValue,
  ...props
}: ParsedTextInputProps) {
  const [text, setText] = useState(() => formatValue(value))
  const emitted = useRef<unknown>(value)

  // A reset or reload of the form replaces the value from outside: show it.
  useEffect(() => {
    if (!Object.is(value, emitted.current)) {
      emitted.current = value
      setText(formatValue(value))
    }
  }, [value, formatValue])

  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value
        setText(next)
        const parsed = next.trim() === '' ? emptyValue : (parse(next) ?? next)
        emitted.current = parsed
        onChange(parsed)
      }}
    />
  )
}
