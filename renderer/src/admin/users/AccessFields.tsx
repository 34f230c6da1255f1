import type { Control, FieldErrors, FieldValues, Path } from 'react-hook-form'
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Department, Role } from '../../../../domain/auth/roles'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { fieldError } from '../../ui/fieldError'
import { DepartmentsField } from './DepartmentsField'
import { roleChoices } from './roleChoices'

type Access = { role?: Role; departments?: Department[] }

/** A user's role and service memberships, in the forms that create and edit accounts. */
export function AccessFields<T extends FieldValues & Access>({
  control,
  errors,
}: {
  control: Control<T>
  errors: FieldErrors<Access>
}) {
  const { t } = useTranslation()
  return (
    <>
      <Controller
        control={control}
        name={'role' as Path<T>}
        render={({ field }) => (
          <ChoiceSelect
            label={t('admin.users.role')}
            withAsterisk
            ref={field.ref}
            onBlur={field.onBlur}
            choices={roleChoices(t)}
            emptyLabel={t('app.choose')}
            emptyValue={undefined}
            value={field.value}
            onChange={field.onChange}
            error={fieldError(t, errors.role)}
          />
        )}
      />
      <Controller
        control={control}
        name={'departments' as Path<T>}
        render={({ field }) => (
          <DepartmentsField
            value={field.value ?? []}
            onChange={field.onChange}
            error={errors.departments?.message}
          />
        )}
      />
    </>
  )
}
