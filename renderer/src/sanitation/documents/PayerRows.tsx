import type { TFunction } from 'i18next'
import type { PayerOnDocument } from '../../../../domain/sanitation/documentViews'
import { formatPaymentCode } from '../../../../domain/sanitation/paymentCode'
import classes from './A4Page.module.css'

/** The rows naming the payer on a printed page: name, personal number or company code, address, payment code. */
export function PayerRows({ payer, t }: { payer: PayerOnDocument; t: TFunction }) {
  return (
    <>
      <tr>
        <th scope="row">{t('sanitation.documents.payer')}</th>
        <td>{payer.name}</td>
      </tr>
      <tr>
        <th scope="row">
          {payer.kind === 'household'
            ? t('sanitation.field.personalNumber')
            : t('sanitation.field.companyCode')}
        </th>
        <td>{payer.personalNumber ?? payer.companyCode ?? ''}</td>
      </tr>
      <tr>
        <th scope="row">{t('sanitation.field.address')}</th>
        <td>
          {payer.address}
          {payer.territorialUnitName ? ` (${payer.territorialUnitName})` : ''}
        </td>
      </tr>
      <tr>
        <th scope="row">{t('sanitation.documents.paymentCode')}</th>
        <td className={classes.code}>{formatPaymentCode(payer.paymentCode)}</td>
      </tr>
    </>
  )
}
