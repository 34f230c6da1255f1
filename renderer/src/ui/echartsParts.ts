import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// Only the parts the reports draw (bars, lines, grid, tooltip, legend) and the SVG renderer, whose
// text is set in the page's own (Georgian) font. Loaded on demand (loadEcharts.ts).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer])

export { echarts }
