/**
 * Rustavi's ten territorial units as first seeded, with fixed ids so the central server and a PC
 * seeded alone agree on them. They are reference data an administrator edits;
 * the units are named after people, as Rustavi's are.
 */
export const initialTerritorialUnits = [
  {
    id: '0190a3c0-0000-7000-8000-000000000101',
    code: '01',
    nameKa: 'ილია ჭავჭავაძის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Ilia Chavchavadze Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000102',
    code: '02',
    nameKa: 'აკაკი წერეთლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Akaki Tsereteli Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000103',
    code: '03',
    nameKa: 'გიორგი ჭყონდიდელის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Giorgi Chqondideli Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000104',
    code: '04',
    nameKa: 'შოთა რუსთაველის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Shota Rustaveli Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000105',
    code: '05',
    nameKa: 'დავით აღმაშენებლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'David the Builder Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000106',
    code: '06',
    nameKa: 'თამარ მეფის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Queen Tamar Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000107',
    code: '07',
    nameKa: 'ვახტანგ გორგასლის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Vakhtang Gorgasali Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000108',
    code: '08',
    nameKa: 'ნიკო ფიროსმანის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Niko Pirosmani Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000109',
    code: '09',
    nameKa: 'ვაჟა-ფშაველას სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Vazha-Pshavela Administrative Unit',
  },
  {
    id: '0190a3c0-0000-7000-8000-000000000110',
    code: '10',
    nameKa: 'იაკობ გოგებაშვილის სახელობის ადმინისტრაციული ერთეული',
    nameEn: 'Iakob Gogebashvili Administrative Unit',
  },
] as const
