import { Center, Loader } from '@mantine/core'
import type { EChartsCoreOption, EChartsType } from 'echarts/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { theme } from '../app/theme'
import { loadEcharts } from './loadEcharts'

interface Props {
  option: EChartsCoreOption
  /** What the chart shows, for a screen reader (the table beside it has the figures). */
  label: string
  height?: number
}

/** One chart, drawn as SVG in the app's font; ECharts is loaded the first time a chart is shown. */
export function EChart({ option, label, height = 320 }: Props) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const latest = useRef(option)
  const [ready, setReady] = useState(false)
  latest.current = option

  useEffect(() => {
    let disposed = false
    let observer: ResizeObserver | null = null
    void loadEcharts().then((echarts) => {
      if (disposed || !box.current) return
      chart.current = echarts.init(box.current, null, { renderer: 'svg' })
      chart.current.setOption({ textStyle: { fontFamily: theme.fontFamily }, ...latest.current })
      observer = new ResizeObserver(() => chart.current?.resize())
      observer.observe(box.current)
      setReady(true)
    })
    return () => {
      disposed = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: theme.fontFamily }, ...option }, true)
  }, [option])

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />
      {ready ? null : (
        <Center style={{ position: 'absolute', inset: 0 }}>
          <Loader size="sm" aria-label={t('app.loading')} />
        </Center>
      )}
    </div>
  )
}
