/** The reports' series colours: the app's blue for charged, green for paid, orange for rates. */
export const chartColours = {
  charged: '#1152aa',
  paid: '#2f9e44',
  rate: '#e8590c',
  /** Arrears by age, from recent (light) to oldest (dark red). */
  ageing: ['#ffd8a8', '#ffa94d', '#f76707', '#d9480f', '#a51111'],
} as const
