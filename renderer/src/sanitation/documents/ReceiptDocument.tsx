import { useTranslation } from 'react-i18next'
import { amountInWords, formatDate, formatGel, formatLongDate } from '../../../../domain/georgian'
import type { ReceiptView } from '../../../../domain/sanitation/documentViews'
import classes from './A4Page.module.css'
import { IssuerHeader } from './IssuerHeader'
import { PayerRows } from './PayerRows'

/** A counter payment's receipt as one A4 page, in Georgian whatever the interface language. */
export function ReceiptDocument({ receipt }: { receipt: ReceiptView }) {
  const { i18n } = useTranslation()
  const t = i18n.getFixedT('ka')
  const { payer } = receipt
  const balance =
    receipt.balanceTetri > 0
      ? [t('sanitation.receipt.balanceAfter', { date: formatDate(receipt.asOf) }), receipt.balanceTetri]
      : receipt.balanceTetri < 0
        ? [t('sanitation.receipt.creditAfter', { date: formatDate(receipt.asOf) }), -receipt.balanceTetri]
        : [t('sanitation.receipt.settled', { date: formatDate(receipt.asOf) }), 0]
  return (
    <article
      className={classes.page}
      lang="ka"
      aria-label={t('sanitation.receipt.title', { number: receipt.receiptNumber })}
    >
      <IssuerHeader issuer={receipt.issuer} />
      <h1 className={classes.title}>{t('sanitation.receipt.title', { number: receipt.receiptNumber })}</h1>
      <p className={classes.subtitle}>
        {t('sanitation.receipt.heading')}
        <br />
        {formatLongDate(receipt.paidOn)}
      </p>
      <table className={classes.fields}>
        <tbody>
          <PayerRows payer={payer} t={t} />
          <tr>
            <th scope="row">{t('sanitation.field.paidOn')}</th>
            <td>{formatLongDate(receipt.paidOn)}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.documents.amount')}</th>
            <td className={classes.amount}>{formatGel(receipt.amountTetri, 'ka')}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.documents.amountInWords')}</th>
            <td>{amountInWords(receipt.amountTetri)}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.receipt.purposeLabel')}</th>
            <td>{t('sanitation.receipt.purpose')}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.documents.legalBasis')}</th>
            <td>
              {receipt.issuer.law}
              {receipt.legalBasis ? `; ${receipt.legalBasis}` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">{balance[0]}</th>
            <td>{formatGel(Number(balance[1]), 'ka')}</td>
          </tr>
          {receipt.note ? (
            <tr>
              <th scope="row">{t('sanitation.field.note')}</th>
              <td>{receipt.note}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className={classes.signatures}>
        <div className={classes.signature}>
          {t('sanitation.receipt.acceptedBy')}: {receipt.acceptedBy}
          <br />
          {t('sanitation.documents.signature')}
        </div>
        <div className={classes.signature}>
          {t('sanitation.receipt.paidBy')}: {payer.name}
          <br />
          {t('sanitation.documents.signature')}
        </div>
      </div>
      <p className={classes.small} style={{ marginTop: '10mm' }}>
        {t('sanitation.documents.stamp')}
      </p>
    </article>
  )
}
