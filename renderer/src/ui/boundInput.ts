import type { ControllerFieldState, ControllerRenderProps, FieldPath, FieldValues } from 'react-hook-form'
import { fieldErrorKey } from './fieldError'

/**
 * A Controller's field as the props of a typed input (DateInput, MoneyInput, PeriodInput, a select):
 * the value and its handlers, and the schema's error key for the field.
 */
export function boundInput<T extends FieldValues, N extends FieldPath<T>>({
  field,
  fieldState,
}: {
  field: ControllerRenderProps<T, N>
  fieldState: ControllerFieldState
}) {
  return {
    ref: field.ref,
    onBlur: field.onBlur,
    value: field.value,
    onChange: field.onChange,
    error: fieldErrorKey(fieldState.error),
  }
}
