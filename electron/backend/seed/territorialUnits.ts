import type { Db } from '../../../db/database'
import { listTerritorialUnits } from '../../../db/reference/territorialUnits'
import type { Actor, WritePath } from '../../../db/writePath'

/**
 * Rustavi's ten territorial units as first seeded. They are reference data an administrator edits;
 * the units are named after people, as Rustavi's are.
 */
export const initialTerritorialUnits = [
  {
    code: '01',
    nameKa: 'ილია ჭავჭავაძის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Ilia Chavchavadze Administrative Unit',
  },
  {
    code: '02',
    nameKa: 'აკაკი წერეთლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Akaki Tsereteli Administrative Unit',
  },
  {
    code: '03',
    nameKa: 'გიორგი ჭყონდიდელის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Giorgi Chqondideli Administrative Unit',
  },
  {
    code: '04',
    nameKa: 'შოთა რუსთაველის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Shota Rustaveli Administrative Unit',
  },
  {
    code: '05',
    nameKa: 'დავით აღმაშენებლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'David the Builder Administrative Unit',
  },
  {
    code: '06',
    nameKa: 'თამარ მეფის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Queen Tamar Administrative Unit',
  },
  {
    code: '07',
    nameKa: 'ვახტანგ გორგასლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Vakhtang Gorgasali Administrative Unit',
  },
  {
    code: '08',
    nameKa: 'ნიკო ფიროსმანის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Niko Pirosmani Administrative Unit',
  },
  {
    code: '09',
    nameKa: 'ვაჟა-ფშაველას სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Vazha-Pshavela Administrative Unit',
  },
  {
    code: '10',
    nameKa: 'იაკობ გოგებაშვილის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Iakob Gogebashvili Administrative Unit',
  },
] as const

export const systemActor: Actor = { userId: 'system', userName: 'სისტემა' }

/** Seeds the units once, on a store that has none. */
export function seedTerritorialUnits(db: Db, write: WritePath): void {
  if (listTerritorialUnits(db).length > 0) return
  write(
    systemActor,
    initialTerritorialUnits.map((unit) => ({
      op: 'insert' as const,
      entity: 'territorialUnit' as const,
      values: { ...unit },
    })),
  )
}
