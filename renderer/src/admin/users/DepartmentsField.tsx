import { Checkbox, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Department } from '../../../../domain/auth/roles'

interface Props {
  value: readonly string[]
  onChange(value: Department[]): void
  error?: string
}

/** The services a user belongs to, as checkboxes: six of them, all visible, each its own Tab stop. */
export function DepartmentsField({ value, onChange, error }: Props) {
  const { t } = useTranslation()
  return (
    <Checkbox.Group
      label={t('admin.users.departments')}
      value={[...value]}
      onChange={(next) => onChange(Department.options.filter((d) => next.includes(d)))}
      error={error ? t(error) : undefined}
    >
      <Group mt="xs" gap="sm">
        {Department.options.map((department) => (
          <Checkbox key={department} value={department} label={t(`auth.department.${department}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  )
}
