import type { tempStore } from './tempStore'

const clerk = { userId: '0190a3c0-0000-7000-8000-0000000000c1', userName: 'ნინო კაპანაძე' }

/** One short transaction through the write path: five territorial units named after `n`. */
export function writeSlice(store: ReturnType<typeof tempStore>, n: number): void {
  store.write(
    clerk,
    Array.from({ length: 5 }, (_, i) => ({
      op: 'insert' as const,
      entity: 'territorialUnit' as const,
      values: { code: `B${n}-${i}`, nameKa: `ერთეული ${n}-${i}`, nameEn: `Unit ${n}-${i}` },
    })),
  )
}
