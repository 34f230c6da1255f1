import type { TFunction } from 'i18next'
import { Role } from '../../../../domain/auth/roles'
import type { Choice } from '../../ui/ChoiceSelect'

export const roleChoices = (t: TFunction): Choice[] =>
  Role.options.map((role) => ({ value: role, label: t(`auth.role.${role}`) }))
