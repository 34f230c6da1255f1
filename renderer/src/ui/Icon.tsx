/**
 * The few symbols the UI draws. They are SVG, not text: arrows and triangles are not in the bundled
 * Noto fonts, and a PC without a font that has them would show a missing-glyph box.
 */
const paths = {
  arrowLeft: 'M10 3 4 8l6 5M4 8h9',
  download: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13.5h10',
  sortAscending: 'M8 4 13 11H3z',
  sortDescending: 'M8 12 3 5h10z',
  sync: 'M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 1.8v2.9h-2.9',
} as const

export function Icon({ name, size = 12 }: { name: keyof typeof paths; size?: number }) {
  const filled = name === 'sortAscending' || name === 'sortDescending'
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'inline-block', verticalAlign: 'middle' }}
    >
      <path
        d={paths[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke={filled ? 'none' : 'currentColor'}
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
