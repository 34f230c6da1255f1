import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core'

// Rustavi blue, a calm institutional colour that keeps contrast on white.
const rustavi: MantineColorsTuple = [
  '#e8f1fb',
  '#d2e0f2',
  '#a3bfe3',
  '#719cd5',
  '#487fc9',
  '#2e6cc2',
  '#1f62c0',
  '#1152aa',
  '#044898',
  '#003e87',
]

const fontFamily = "'Noto Sans Georgian', 'Noto Sans', sans-serif"

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  primaryColor: 'rustavi',
  primaryShade: 7,
  colors: { rustavi },
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    // Georgian has no capitals to shout with; Badge is the one Mantine component that upper-cases.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
})
