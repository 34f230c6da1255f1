import { useTranslation } from 'react-i18next'
import { amountInWords, formatDate, formatGel, formatLongDate } from '../../../../domain/georgian'
import type { PaymentNoticeView } from '../../../../domain/sanitation/documentViews'
import { formatNumber } from '../../ui/formatNumber'
import classes from './A4Page.module.css'
import { IssuerHeader } from './IssuerHeader'
import { PayerRows } from './PayerRows'
import { periodName } from './periodName'

/** A payer's payment notice for a period as one A4 page, in Georgian whatever the interface language. */
export function NoticeDocument({ notice }: { notice: PaymentNoticeView }) {
  const { i18n } = useTranslation()
  const t = i18n.getFixedT('ka')
  const { payer } = notice
  const gel = (tetri: number) => formatGel(tetri, 'ka')
  const toPay = Math.max(0, notice.balanceTetri)
  return (
    <article className={classes.page} lang="ka" aria-label={`${payer.name}, ${notice.period}`}>
      <IssuerHeader issuer={notice.issuer} />
      <h1 className={classes.title}>{t('sanitation.notice.heading')}</h1>
      <p className={classes.subtitle}>
        {t('sanitation.notice.period')}: {periodName(notice.period)}
      </p>
      <table className={classes.fields}>
        <tbody>
          <PayerRows payer={payer} t={t} />
          <tr>
            <th scope="row">{t('sanitation.notice.issuedOn')}</th>
            <td>{formatDate(notice.issuedOn)}</td>
          </tr>
        </tbody>
      </table>
      <table className={classes.lines}>
        <thead>
          <tr>
            <th scope="col">{t('sanitation.notice.line')}</th>
            <th scope="col" className={classes.number}>
              {t('sanitation.card.rate')}
            </th>
            <th scope="col" className={classes.number}>
              {t('sanitation.card.quantity')}
            </th>
            <th scope="col" className={classes.number}>
              {t('sanitation.card.reliefPercent')}
            </th>
            <th scope="col" className={classes.number}>
              {t('sanitation.documents.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {notice.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one notice never reorder
            <tr key={i}>
              <td>
                {t('sanitation.receipt.purpose')} — {t(`sanitation.chargeKind.${line.kind}`)}
              </td>
              <td className={classes.number}>{gel(line.rateTetri)}</td>
              <td className={classes.number}>{formatNumber(line.quantityHundredths / 100, 'ka')}</td>
              <td className={classes.number}>{line.reliefPercent > 0 ? `${line.reliefPercent}%` : ''}</td>
              <td className={classes.number}>{gel(line.amountTetri)}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={4}>{t('sanitation.notice.periodTotal')}</td>
            <td className={classes.number}>{gel(notice.periodTetri)}</td>
          </tr>
          <tr>
            <td colSpan={4}>
              {notice.previousTetri >= 0
                ? t('sanitation.notice.previous')
                : t('sanitation.notice.previousCredit')}
            </td>
            <td className={classes.number}>{gel(Math.abs(notice.previousTetri))}</td>
          </tr>
          <tr className={classes.total}>
            <td colSpan={4}>{t('sanitation.notice.toPay')}</td>
            <td className={`${classes.number} ${classes.amount}`}>{gel(toPay)}</td>
          </tr>
        </tbody>
      </table>
      <table className={classes.fields}>
        <tbody>
          <tr>
            <th scope="row">{t('sanitation.documents.amountInWords')}</th>
            <td>{toPay > 0 ? amountInWords(toPay) : t('sanitation.notice.nothingToPay')}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.notice.dueOn')}</th>
            <td>{formatLongDate(notice.dueOn)}</td>
          </tr>
          <tr>
            <th scope="row">{t('sanitation.documents.legalBasis')}</th>
            <td>
              {[notice.issuer.law, ...notice.legalBasis].map((basis) => (
                <div key={basis}>{basis}</div>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
      <p>{t('sanitation.notice.howToPay')}</p>
      <div className={classes.signatures}>
        <div className={classes.signature}>
          {t('sanitation.notice.issuedBy')}: {notice.issuer.service}
          <br />
          {t('sanitation.documents.signature')}
        </div>
        <div className={classes.signature}>{t('sanitation.documents.stamp')}</div>
      </div>
    </article>
  )
}
