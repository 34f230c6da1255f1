import { type Control, Controller } from 'react-hook-form'
import { boundInput } from './boundInput'
import { DateInput } from './DateInput'
import { MoneyInput } from './MoneyInput'

interface PaymentValues {
  amountTetri: number
  paidOn: string
}

interface Props<T extends PaymentValues> {
  // The payment forms differ in their other fields (a note, a bank reference); these two are the same.
  control: Control<T>
  amountLabel: string
  paidOnLabel: string
}

/** A payment's amount in lari (the field the form opens on) and the day it was paid, both required. */
export function PaymentAmountFields<T extends PaymentValues>(props: Props<T>) {
  const control = props.control as unknown as Control<PaymentValues>
  return (
    <>
      <Controller
        control={control}
        name="amountTetri"
        render={(bound) => (
          <MoneyInput label={props.amountLabel} withAsterisk data-autofocus {...boundInput(bound)} />
        )}
      />
      <Controller
        control={control}
        name="paidOn"
        render={(bound) => <DateInput label={props.paidOnLabel} withAsterisk {...boundInput(bound)} />}
      />
    </>
  )
}
