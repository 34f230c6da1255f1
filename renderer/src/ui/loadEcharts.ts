// ECharts is large: screens with charts load it the first time a chart is shown.
export const loadEcharts = async () => (await import('./echartsParts')).echarts
