import { Group } from '@mantine/core'
import { dictationGroups } from './dictationGroups'

/** The code in large, evenly spaced groups, easy to read out over the phone. */
export function DictatedCode({ code, size = 40 }: { code: string; size?: number }) {
  return (
    <Group gap={size * 0.5} justify="center" aria-label={code} role="group" wrap="wrap">
      {dictationGroups(code).map((group, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: a group's place is its identity
          key={i}
          aria-hidden="true"
          style={{
            fontSize: size,
            fontVariantNumeric: 'tabular-nums',
            fontWeight: 700,
            letterSpacing: size * 0.08,
          }}
        >
          {group}
        </span>
      ))}
    </Group>
  )
}
