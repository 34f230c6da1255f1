import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { asLanguage } from '../i18n/language'

/** ქართული / English; i18n.ts remembers the choice on this PC. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language.label')}
      value={asLanguage(i18n.language)}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        { value: 'ka', label: <span lang="ka">{t('app.language.ka')}</span> },
        { value: 'en', label: <span lang="en">{t('app.language.en')}</span> },
      ]}
    />
  )
}
