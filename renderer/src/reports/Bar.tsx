import classes from './Bar.module.css'

/** A horizontal bar for a share of the largest value: plain CSS, no chart library. */
export function Bar({ value, max }: { value: number; max: number }) {
  const percent = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0
  return (
    <div className={classes.track} aria-hidden="true">
      <div className={classes.fill} style={{ width: `${percent}%` }} />
    </div>
  )
}
