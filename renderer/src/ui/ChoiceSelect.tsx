import { NativeSelect, type NativeSelectProps } from '@mantine/core'

export interface Choice {
  value: string
  label: string
}

type Props = Omit<NativeSelectProps, 'data' | 'value' | 'onChange' | 'error'> & {
  choices: readonly Choice[]
  value: string | null | undefined
  /** Empty choice -> `emptyValue` (null for "any"/optional, undefined for "required, not chosen"). */
  onChange(value: string | null | undefined): void
  /** The label of the empty first option ("— choose —", "all types"). */
  emptyLabel: string
  emptyValue?: null | undefined
  /** Translated error text. */
  error?: string
}

/**
 * A native select: clerks can type the first letters to jump, it opens with Alt+Down, and it
 * needs no pop-up layer, so it behaves the same under every screen reader and in Playwright.
 */
export function ChoiceSelect({
  choices,
  value,
  onChange,
  emptyLabel,
  emptyValue = null,
  error,
  ...props
}: Props) {
  return (
    <NativeSelect
      {...props}
      error={error}
      value={value ?? ''}
      onChange={(event) =>
        onChange(event.currentTarget.value === '' ? emptyValue : event.currentTarget.value)
      }
      data={[{ value: '', label: emptyLabel }, ...choices]}
    />
  )
}
