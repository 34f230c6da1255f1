import { describe, expect, it } from 'vitest'
import { noticeParts } from '../../../renderer/src/sanitation/documents/noticeParts'

describe('a notice batch cut into parts to print', () => {
  it('covers every page once, in order, the last part shorter', () => {
    expect(noticeParts(4_812, 500)).toHaveLength(10)
    expect(noticeParts(4_812, 500).at(-1)).toEqual({ from: 4_501, to: 4_812 })
    for (const [count, size] of [
      [1, 100],
      [100, 100],
      [101, 100],
      [4_812, 250],
    ] as const) {
      const parts = noticeParts(count, size)
      const pages = parts.flatMap((p) => Array.from({ length: p.to - p.from + 1 }, (_, i) => p.from + i))
      expect(pages).toEqual(Array.from({ length: count }, (_, i) => i + 1))
      expect(parts.every((p) => p.to - p.from + 1 <= size)).toBe(true)
    }
  })

  it('has no part when there is nothing to print', () => {
    expect(noticeParts(0, 250)).toEqual([])
  })
})
