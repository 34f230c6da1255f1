import type { ReceiptView } from '../../../../domain/sanitation/documentViews'
import classes from './A4Page.module.css'

/** The municipality and its service at the head of every printed page. */
export function IssuerHeader({ issuer }: { issuer: ReceiptView['issuer'] }) {
  return (
    <header className={classes.issuer}>
      <div className={classes.issuerName}>{issuer.municipality}</div>
      <div className={classes.issuerService}>{issuer.service}</div>
    </header>
  )
}
