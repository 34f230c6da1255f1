import { Group, Stack, Tabs, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FlashMessage } from './FlashMessage'

export interface RecordTab<T extends string> {
  name: T
  label: string
  /** Shown after the label when there is at least one. */
  count?: number
  panel: ReactNode
}

interface Props<T extends string> {
  back: ReactNode
  title: string
  /** The dimmed line under the title (codes, kind, balance). */
  summary: ReactNode
  /** Badges after the summary line. */
  badges: ReactNode
  actions: ReactNode
  tabs: readonly RecordTab<T>[]
  tabsLabel: string
  tab: T
  onTab(tab: T): void
  /** Dialogs the card opens. */
  children?: ReactNode
}

/** A record's card: the way back, its title with a summary and actions, the flash message and its tabs. */
export function RecordCard<T extends string>(props: Props<T>) {
  const { tabs, tab, onTab } = props
  const tabOf = (value: string | null) => tabs.find((candidate) => candidate.name === value)?.name
  return (
    <Stack gap="md">
      {props.back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {props.title}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {props.summary}
            </Text>
            {props.badges}
          </Group>
        </Stack>
        <Group>{props.actions}</Group>
      </Group>
      <FlashMessage />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = tabOf(value)
          if (next) onTab(next)
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={props.tabsLabel}>
          {tabs.map(({ name, label, count }) => (
            <Tabs.Tab key={name} value={name}>
              {count ? `${label} (${count})` : label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ name, panel }) => (
          <Tabs.Panel key={name} value={name} pt="md">
            {panel}
          </Tabs.Panel>
        ))}
      </Tabs>
      {props.children}
    </Stack>
  )
}
