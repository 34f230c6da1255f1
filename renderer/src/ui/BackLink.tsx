import { Anchor } from '@mantine/core'
import { Icon } from './Icon'

/** The link above a record's card back to the list it was opened from. */
export function BackLink({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Anchor component="button" type="button" size="sm" style={{ alignSelf: 'flex-start' }} onClick={onClick}>
      <Icon name="arrowLeft" /> {label}
    </Anchor>
  )
}
