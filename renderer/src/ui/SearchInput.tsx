import { TextInput } from '@mantine/core'

interface Props {
  label: string
  placeholder: string
  value: string
  onChange(text: string): void
  /** The box's flex basis in the filter row, e.g. "1 1 360px". */
  flex: string
}

/** The search box above a list: plain text as typed (Georgian or Latin layout), no spell check. */
export function SearchInput({ label, placeholder, value, onChange, flex }: Props) {
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={100}
      autoComplete="off"
      spellCheck={false}
      style={{ flex }}
    />
  )
}
