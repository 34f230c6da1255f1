import { useTranslation } from 'react-i18next'
import classes from './FilePicker.module.css'

interface Props {
  id: string
  fileName: string
  onChoose(file: File | undefined): void
}

/** A file input whose button and "no file" text are ours, in the interface language. */
export function FilePicker({ id, fileName, onChoose }: Props) {
  const { t } = useTranslation()
  return (
    <div className={classes.row}>
      <input
        id={id}
        type="file"
        className={classes.input}
        data-autofocus
        onChange={(event) => onChoose(event.currentTarget.files?.[0])}
      />
      <label htmlFor={id} className={classes.button}>
        {t('property.documents.chooseFile')}
      </label>
      <span className={classes.name}>{fileName || t('property.documents.noFile')}</span>
    </div>
  )
}
