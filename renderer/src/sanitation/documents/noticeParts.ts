/** A part of a notice batch: pages `from`..`to`, counted from 1, both included. */
export interface NoticePart {
  from: number
  to: number
}

/** The sizes a clerk may print a batch in: what a printer's tray and a PDF viewer take comfortably. */
export const partSizes = [100, 250, 500] as const
export type PartSize = (typeof partSizes)[number]

/** The batch of `count` pages cut into parts of `size` pages, the last one shorter. */
export function noticeParts(count: number, size: PartSize): NoticePart[] {
  const parts: NoticePart[] = []
  for (let from = 1; from <= count; from += size) parts.push({ from, to: Math.min(count, from + size - 1) })
  return parts
}
