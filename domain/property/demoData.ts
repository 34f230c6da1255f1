import { mulberry32, Random } from '../demoRandom'
import { isoDateInTbilisi } from '../georgian/dates'
import { citeLegalAct, type LegalActKind } from '../georgian/legalAct'
import { companyName, personName } from './demoNames'
import type {
  AcquisitionMethod,
  ObjectState,
  ObjectType,
  PropertyClass,
  RentSchedule,
  TenantKind,
} from './vocabulary'

// A realistic demo registry of Rustavi's municipal property: objects of every type with cadastral
// codes (and their history), leases to people and companies, and the tenants' payments, some in
// arrears. The content depends only on the seed and `today`; row ids come from the caller. Both the
// central server (its demo municipality) and a PC seeded on its own load these rows.

export interface DemoPropertyOptions {
  /** How many property objects to generate. */
  objects: number
  /** The demo's "today": leases run, expire and fall into arrears relative to it. */
  today: Date
  seed?: number
  /** Row ids: UUIDv7s in practice; the caller supplies them (domain/ has no randomness source). */
  newId: () => string
}

export type DemoEntity = 'propertyObject' | 'propertyCadastralCode' | 'propertyLease' | 'propertyLeasePayment'

/** One row of the demo registry: its entity, id, the record whose history it belongs to, its values. */
export interface DemoRow {
  entity: DemoEntity
  id: string
  subjectId: string
  values: Record<string, string | number | boolean | null>
}

const DEFAULT_SEED = 20_260_101

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC), so arithmetic never depends on a time zone.

const DAY_MS = 86_400_000
// The generator converts the same few thousand days over and over: remember them.
const isoByDay = new Map<number, string>()
const dayByIso = new Map<string, number>()
function dayOf(iso: string): number {
  let day = dayByIso.get(iso)
  if (day === undefined) {
    day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
    dayByIso.set(iso, day)
  }
  return day
}
function isoOf(day: number): string {
  let iso = isoByDay.get(day)
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10)
    isoByDay.set(day, iso)
  }
  return iso
}
const yearOf = (iso: string): number => Number(iso.slice(0, 4))
/** The same calendar day `years` later (29 February becomes 28 February). */
function addYears(iso: string, years: number): string {
  const y = yearOf(iso) + years
  const md = iso.slice(5)
  const candidate = `${y}-${md}`
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : candidate
}

// ---------------------------------------------------------------------------------------------
// Rustavi: streets, micro-districts, custodians.

const streets = [
  'მეგობრობის გამზირი',
  'რუსთაველის ქუჩა',
  'კოსტავას ქუჩა',
  'ბათუმის ქუჩა',
  'ჭავჭავაძის ქუჩა',
  'ფალიაშვილის ქუჩა',
  'ნიკოლაძის ქუჩა',
  'ჯავახიშვილის ქუჩა',
  'გორგასლის ქუჩა',
  'დავით აღმაშენებლის ქუჩა',
  'წერეთლის ქუჩა',
  'თამარ მეფის ქუჩა',
  'ლერმონტოვის ქუჩა',
  'პუშკინის ქუჩა',
  'ქართლის ქუჩა',
  'კახეთის ქუჩა',
  'გაგარინის ქუჩა',
  'მშვიდობის ქუჩა',
  'ფიროსმანის ქუჩა',
  'შარტავას ქუჩა',
  'ერეკლე მეორის ქუჩა',
  'ვაჟა-ფშაველას ქუჩა',
  'გოგებაშვილის ქუჩა',
  'ჭყონდიდელის ქუჩა',
  'ბარათაშვილის ქუჩა',
  'გალაკტიონ ტაბიძის ქუჩა',
  'გურამიშვილის ქუჩა',
  'ყაზბეგის ქუჩა',
  'წმინდა ნინოს ქუჩა',
  'ილია ჭავჭავაძის გამზირი',
  'ტბილისის გზატკეცილი',
  'წითელი ხიდის გზატკეცილი',
  'მტკვრის სანაპირო',
  'ინდუსტრიული ქუჩა',
] as const

const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
] as const
const microDistricts = ROMAN.map((r) => `${r} მიკრორაიონი`)

const kindergartenUnion = 'ა(ა)იპ რუსთავის ბაგა-ბაღების გაერთიანება'
const propertyService =
  'რუსთავის მუნიციპალიტეტის მერიის ქონების მართვისა და ეკონომიკური განვითარების სამსახური'
const infrastructureService = 'რუსთავის მუნიციპალიტეტის მერიის ინფრასტრუქტურისა და კეთილმოწყობის სამსახური'
const cityHall = 'რუსთავის მუნიციპალიტეტის მერია'
const sportService = 'ა(ა)იპ რუსთავის სპორტის სამსახური'
const cultureCentre = 'ა(ა)იპ რუსთავის კულტურის ცენტრი'
const socialService = 'რუსთავის მუნიციპალიტეტის მერიის ჯანდაცვისა და სოციალური დაცვის სამსახური'
const cleaningService = 'ა(ა)იპ რუსთავის დასუფთავების სამსახური'
const digitalSpace = 'ა(ა)იპ რუსთავის ციფრული განვითარების სივრცე'
const libraries = 'ა(ა)იპ რუსთავის ცენტრალიზებული საბიბლიოთეკო სისტემა'
const transport = 'შპს რუსთავის სატრანსპორტო კომპანია'
const sakrebulo = 'რუსთავის მუნიციპალიტეტის საკრებულო'
const inspection = 'რუსთავის მუნიციპალიტეტის მერიის ზედამხედველობის სამსახური'

const officeCustodians = [
  [cityHall, 5],
  [propertyService, 2],
  [infrastructureService, 2],
  [socialService, 1],
  [sakrebulo, 1],
  [inspection, 1],
  [kindergartenUnion, 3],
  [sportService, 1],
  [cultureCentre, 1],
  [digitalSpace, 1],
  [libraries, 1],
] as const

// ---------------------------------------------------------------------------------------------
// What municipal property looks like: names, purposes, areas and prices by type.

interface Kind {
  name: (r: Random) => string
  purpose: readonly string[]
  /** Area range in m², or null for things without one. */
  area: readonly [number, number] | null
  /** Book value: lari per m² when there is an area, otherwise lari per item. */
  value: readonly [number, number]
  /** Who holds it; gets the object's name (a kindergarten building belongs to that kindergarten). */
  custodian: (r: Random, name: string) => string
  /** Probability that the object has a cadastral code. */
  coded: number
  basic: number
}

const fixed = (name: string) => () => name
const kindergartenNo = (r: Random) => r.int(1, 23)

const kinds: Record<ObjectType, readonly (readonly [Kind, number])[]> = {
  land: [
    [
      {
        name: fixed('მიწის ნაკვეთი'),
        purpose: [
          'არასასოფლო-სამეურნეო დანიშნულების',
          'საცხოვრებელი ზონა',
          'საზოგადოებრივ-საქმიანი ზონა',
          'სამრეწველო ზონა',
          'სარეკრეაციო ზონა',
        ],
        area: [150, 25_000],
        value: [15, 120],
        custodian: () => propertyService,
        coded: 1,
        basic: 0.25,
      },
      6,
    ],
    [
      {
        name: fixed('მიწის ნაკვეთი შენობა-ნაგებობით'),
        purpose: ['არასასოფლო-სამეურნეო დანიშნულების', 'საზოგადოებრივ-საქმიანი ზონა'],
        area: [300, 12_000],
        value: [30, 160],
        custodian: () => propertyService,
        coded: 1,
        basic: 0.3,
      },
      2,
    ],
    [
      {
        name: fixed('მიწის ნაკვეთი ავტოსადგომისთვის'),
        purpose: ['ავტოსადგომი'],
        area: [200, 3_000],
        value: [25, 90],
        custodian: () => propertyService,
        coded: 1,
        basic: 0.1,
      },
      1,
    ],
    [
      {
        name: fixed('სასოფლო-სამეურნეო მიწის ნაკვეთი'),
        purpose: ['სასოფლო-სამეურნეო დანიშნულების'],
        area: [1_000, 40_000],
        value: [2, 12],
        custodian: () => propertyService,
        coded: 1,
        basic: 0.05,
      },
      1,
    ],
  ],
  building: [
    [
      {
        name: (r) => `№${kindergartenNo(r)} საბავშვო ბაღის შენობა`,
        purpose: ['საგანმანათლებლო'],
        area: [350, 2_200],
        value: [300, 900],
        custodian: (_r, name) => `${kindergartenUnion}, ${name.split(' ')[0]} ბაგა-ბაღი`,
        coded: 1,
        basic: 1,
      },
      3,
    ],
    [
      {
        name: fixed('ადმინისტრაციული შენობა'),
        purpose: ['ადმინისტრაციული', 'საოფისე'],
        area: [120, 3_500],
        value: [250, 1_100],
        custodian: (r) => r.weighted(officeCustodians),
        coded: 1,
        basic: 0.6,
      },
      3,
    ],
    [
      {
        name: fixed('სკოლის ყოფილი შენობა'),
        purpose: ['საგანმანათლებლო', 'არ გამოიყენება'],
        area: [800, 4_000],
        value: [150, 500],
        custodian: () => propertyService,
        coded: 1,
        basic: 0.2,
      },
      1,
    ],
    [
      {
        name: fixed('სპორტული დარბაზის შენობა'),
        purpose: ['სპორტული'],
        area: [400, 2_500],
        value: [250, 800],
        custodian: () => sportService,
        coded: 1,
        basic: 0.9,
      },
      1,
    ],
    [
      {
        name: fixed('კულტურის სახლის შენობა'),
        purpose: ['კულტურული'],
        area: [500, 3_000],
        value: [250, 800],
        custodian: () => cultureCentre,
        coded: 1,
        basic: 0.9,
      },
      1,
    ],
    [
      {
        name: fixed('ბიბლიოთეკის შენობა'),
        purpose: ['კულტურული'],
        area: [150, 900],
        value: [250, 700],
        custodian: () => libraries,
        coded: 1,
        basic: 0.9,
      },
      1,
    ],
    [
      {
        name: (r) => r.pick(['საწყობის შენობა', 'სამეურნეო შენობა', 'ავტოფარეხის შენობა']),
        purpose: ['სამეურნეო', 'სასაწყობე'],
        area: [60, 1_500],
        value: [80, 350],
        custodian: (r) => r.pick([propertyService, infrastructureService, cleaningService]),
        coded: 1,
        basic: 0.2,
      },
      3,
    ],
    [
      {
        name: (r) => r.pick(['ყოფილი სასადილოს შენობა', 'ყოფილი საყოფაცხოვრებო მომსახურების შენობა']),
        purpose: ['კომერციული', 'არ გამოიყენება'],
        area: [150, 1_200],
        value: [150, 600],
        custodian: () => propertyService,
        coded: 1,
        basic: 0,
      },
      2,
    ],
  ],
  premises: [
    [
      {
        name: fixed('არასაცხოვრებელი ფართი'),
        purpose: ['კომერციული', 'საოფისე', 'სავაჭრო', 'მომსახურების'],
        area: [15, 450],
        value: [400, 1_800],
        custodian: () => propertyService,
        coded: 0.95,
        basic: 0.05,
      },
      7,
    ],
    [
      {
        name: fixed('სარდაფის ფართი'),
        purpose: ['სასაწყობე', 'კომერციული'],
        area: [20, 300],
        value: [200, 700],
        custodian: () => propertyService,
        coded: 0.9,
        basic: 0,
      },
      2,
    ],
    [
      {
        name: fixed('საცხოვრებელი ბინა'),
        purpose: ['საცხოვრებელი', 'სოციალური საცხოვრისი'],
        area: [28, 95],
        value: [600, 1_500],
        custodian: () => socialService,
        coded: 1,
        basic: 0.5,
      },
      3,
    ],
    [
      {
        name: fixed('სავაჭრო ფართი'),
        purpose: ['სავაჭრო'],
        area: [10, 250],
        value: [600, 2_000],
        custodian: () => propertyService,
        coded: 0.95,
        basic: 0,
      },
      2,
    ],
    [
      {
        name: fixed('ოფისის ფართი'),
        purpose: ['საოფისე', 'ადმინისტრაციული'],
        area: [20, 600],
        value: [500, 1_600],
        custodian: (r) => r.weighted(officeCustodians),
        coded: 0.95,
        basic: 0.4,
      },
      2,
    ],
    [
      {
        name: fixed('სხვენის ფართი'),
        purpose: ['სასაწყობე'],
        area: [20, 200],
        value: [100, 400],
        custodian: () => propertyService,
        coded: 0.8,
        basic: 0,
      },
      1,
    ],
  ],
  infrastructure: [
    [
      {
        name: fixed('ავტობუსის გაჩერება'),
        purpose: ['საზოგადოებრივი ტრანსპორტი'],
        area: [6, 24],
        value: [400, 1_500],
        custodian: (r) => r.pick([infrastructureService, transport]),
        coded: 0,
        basic: 1,
      },
      5,
    ],
    [
      {
        name: fixed('სკვერი'),
        purpose: ['სარეკრეაციო'],
        area: [300, 9_000],
        value: [20, 90],
        custodian: () => infrastructureService,
        coded: 0.9,
        basic: 1,
      },
      3,
    ],
    [
      {
        name: (r) => r.pick(['საბავშვო სათამაშო მოედანი', 'სპორტული მოედანი', 'სკეიტპარკი']),
        purpose: ['სარეკრეაციო', 'სპორტული'],
        area: [100, 1_200],
        value: [60, 250],
        custodian: (r) => r.pick([infrastructureService, sportService]),
        coded: 0.4,
        basic: 1,
      },
      4,
    ],
    [
      {
        name: (r) => r.pick(['შიდა საკვარტალო გზა', 'ტროტუარი', 'ავტოსადგომი']),
        purpose: ['საგზაო ინფრასტრუქტურა'],
        area: [200, 6_000],
        value: [40, 160],
        custodian: () => infrastructureService,
        coded: 0.3,
        basic: 1,
      },
      4,
    ],
    [
      {
        name: (r) =>
          r.pick(['გარე განათების ქსელი', 'სანიაღვრე არხი', 'ვიდეოსათვალთვალო სისტემა', 'შუქნიშანი']),
        purpose: ['კომუნალური ინფრასტრუქტურა', 'უსაფრთხოება'],
        area: null,
        value: [2_000, 180_000],
        custodian: () => infrastructureService,
        coded: 0,
        basic: 1,
      },
      4,
    ],
    [
      {
        name: (r) => r.pick(['საფეხმავლო ხიდი', 'შადრევანი', 'მემორიალი', 'საზოგადოებრივი ტუალეტი']),
        purpose: ['სარეკრეაციო', 'კომუნალური ინფრასტრუქტურა'],
        area: [20, 600],
        value: [300, 2_500],
        custodian: () => infrastructureService,
        coded: 0.5,
        basic: 1,
      },
      1,
    ],
  ],
  movable: [
    [
      {
        name: (r) =>
          `ოფისის ავეჯი (${r.pick(['საწერი მაგიდა', 'სამუშაო სკამი', 'წიგნების კარადა', 'ტანსაცმლის კარადა', 'სათათბირო მაგიდა', 'სეიფი'])})`,
        purpose: ['საოფისე'],
        area: null,
        value: [80, 1_800],
        custodian: (r) => r.weighted(officeCustodians),
        coded: 0,
        basic: 0.3,
      },
      10,
    ],
    [
      {
        name: (r) =>
          r.pick([
            'პერსონალური კომპიუტერი',
            'ნოუთბუქი',
            'მრავალფუნქციური პრინტერი',
            'პროექტორი',
            'მონიტორი',
            'სერვერი',
            'ქსელური კომუტატორი',
          ]),
        purpose: ['საოფისე', 'საინფორმაციო ტექნოლოგიები'],
        area: null,
        value: [300, 9_000],
        custodian: (r) => r.weighted(officeCustodians),
        coded: 0,
        basic: 0.2,
      },
      8,
    ],
    [
      {
        name: (r) =>
          r.pick(['კონდიციონერი', 'მაცივარი', 'სარეცხი მანქანა', 'ელექტროქურა', 'წყლის გამაცხელებელი']),
        purpose: ['სამეურნეო'],
        area: null,
        value: [400, 3_500],
        custodian: (r) => r.weighted(officeCustodians),
        coded: 0,
        basic: 0.2,
      },
      4,
    ],
    [
      {
        name: (r) =>
          r.pick(['საბავშვო საწოლი', 'საბავშვო მაგიდა და სკამები', 'საბავშვო სათამაშოების კომპლექტი']),
        purpose: ['საგანმანათლებლო'],
        area: null,
        value: [60, 1_200],
        custodian: (r) => `${kindergartenUnion}, №${kindergartenNo(r)} ბაგა-ბაღი`,
        coded: 0,
        basic: 0.5,
      },
      6,
    ],
    [
      {
        name: (r) =>
          `${r.pick(['მსუბუქი ავტომობილი', 'მიკროავტობუსი', 'ნაგავმზიდი ავტომობილი', 'სარწყავი მანქანა', 'ექსკავატორი'])} ${r.pick(['Toyota', 'Mercedes-Benz', 'Ford', 'Hyundai', 'Isuzu', 'MAN', 'JCB'])}`,
        purpose: ['სატრანსპორტო', 'სამეურნეო'],
        area: null,
        value: [18_000, 320_000],
        custodian: (r) => r.pick([cityHall, cleaningService, infrastructureService, transport]),
        coded: 0,
        basic: 0.5,
      },
      2,
    ],
    [
      {
        name: (r) => r.pick(['ნაგვის კონტეინერი (1,1 მ³)', 'ნაგვის ურნა', 'პარკის სკამი', 'ბალახის საკრეჭი']),
        purpose: ['კეთილმოწყობა', 'დასუფთავება'],
        area: null,
        value: [90, 1_400],
        custodian: (r) => r.pick([cleaningService, infrastructureService]),
        coded: 0,
        basic: 0.6,
      },
      8,
    ],
    [
      {
        name: (r) => r.pick(['სპორტული ინვენტარი', 'ტრენაჟორი', 'პიანინო', 'ხმის გამაძლიერებელი სისტემა']),
        purpose: ['სპორტული', 'კულტურული'],
        area: null,
        value: [150, 12_000],
        custodian: (r) => r.pick([sportService, cultureCentre, digitalSpace]),
        coded: 0,
        basic: 0.4,
      },
      3,
    ],
  ],
}

const typeWeights: readonly (readonly [ObjectType, number])[] = [
  ['movable', 42],
  ['premises', 18],
  ['land', 17],
  ['infrastructure', 13],
  ['building', 10],
]

/** Land, buildings and premises: the property that is leased, auctioned and privatised. */
const realEstate = new Set<ObjectType>(['land', 'building', 'premises'])

const stateWeights: Record<ObjectType, readonly (readonly [ObjectState, number])[]> = {
  land: [
    ['inUse', 38],
    ['leased', 30],
    ['vacant', 16],
    ['listedForAuction', 6],
    ['privatised', 9],
    ['writtenOff', 1],
  ],
  building: [
    ['inUse', 48],
    ['leased', 28],
    ['vacant', 12],
    ['listedForAuction', 5],
    ['privatised', 5],
    ['writtenOff', 2],
  ],
  premises: [
    ['inUse', 36],
    ['leased', 32],
    ['vacant', 16],
    ['listedForAuction', 7],
    ['privatised', 8],
    ['writtenOff', 1],
  ],
  infrastructure: [
    ['inUse', 92],
    ['vacant', 3],
    ['writtenOff', 5],
  ],
  movable: [
    ['inUse', 80],
    ['vacant', 5],
    ['writtenOff', 15],
  ],
}

const acquisitionWeights: Record<ObjectType, readonly (readonly [AcquisitionMethod, number])[]> = {
  land: [
    ['stateTransfer', 50],
    ['legacy', 25],
    ['purchase', 8],
    ['donation', 5],
    ['other', 12],
  ],
  building: [
    ['legacy', 45],
    ['stateTransfer', 30],
    ['construction', 15],
    ['purchase', 5],
    ['donation', 5],
  ],
  premises: [
    ['legacy', 45],
    ['stateTransfer', 30],
    ['purchase', 12],
    ['donation', 5],
    ['other', 8],
  ],
  infrastructure: [
    ['construction', 70],
    ['legacy', 20],
    ['stateTransfer', 10],
  ],
  movable: [
    ['purchase', 86],
    ['donation', 9],
    ['stateTransfer', 5],
  ],
}

const objectNotes = [
  'საჭიროებს სარემონტო სამუშაოებს',
  'ინვენტარიზაცია ჩატარდა 2023 წელს',
  'საჯარო რეესტრის ამონაწერი განახლებულია',
  'ობიექტი დათვალიერებულია კომისიის მიერ',
  'ტექნიკური პასპორტი არქივშია',
] as const

const codeChangeReasons = [
  'მიწის ნაკვეთის გაყოფა',
  'მიწის ნაკვეთების გაერთიანება',
  'საკადასტრო მონაცემების დაზუსტება',
  'საჯარო რეესტრის ეროვნული სააგენტოს გადაწყვეტილება რეგისტრაციის შესწორების შესახებ',
] as const

// ---------------------------------------------------------------------------------------------
// The generator.

interface Person {
  name: string
  idNumber: string
  phone: string | null
  kind: TenantKind
}

type PayingHabit = 'punctual' | 'bundled' | 'late' | 'stopped' | 'partial' | 'lumps'

/**
 * The demo registry as groups of rows, one group per object (the object, then its
 * cadastral codes, leases and payments). Pure: no database access.
 */
export function* demoPropertyRows(
  territorialUnitIds: readonly string[],
  options: DemoPropertyOptions,
): Generator<DemoRow[]> {
  const newId = options.newId
  const seed = options.seed ?? DEFAULT_SEED
  const r = new Random(mulberry32(seed))
  const todayIso = isoDateInTbilisi(options.today.getTime())
  const today = dayOf(todayIso)
  const firstDay = dayOf('1995-01-01')
  /** The tenants' ledger is itemised for the last twelve months; older payments were carried over. */
  const ledgerStart = dayOf(`${yearOf(todayIso) - 1}-${todayIso.slice(5, 7)}-01`)

  const people = Array.from({ length: 4_000 }, () => personName(r))
  const companyNames = Array.from({ length: 2_500 }, () => companyName(r))
  const tenants = new Map<string, Person>()
  const tenantPool: Person[] = []
  const newTenant = (): Person => {
    const kind: TenantKind = r.chance(0.4) ? 'person' : 'company'
    for (;;) {
      const idNumber = kind === 'person' ? r.digits(11) : `${r.pick(['2', '4'])}${r.digits(8)}`
      if (tenants.has(idNumber)) continue
      const person: Person = {
        kind,
        idNumber,
        name: kind === 'person' ? r.pick(people) : r.pick(companyNames),
        phone: r.chance(0.92) ? `+9955${r.pick(['5', '7', '9', '6', '1'])}${r.digits(7)}` : null,
      }
      tenants.set(idNumber, person)
      tenantPool.push(person)
      return person
    }
  }
  /** Some tenants rent several objects. */
  const tenant = () => (tenantPool.length > 50 && r.chance(0.15) ? r.pick(tenantPool) : newTenant())

  const usedCodes = new Set<string>()
  const contractSeq = new Map<number, number>()
  const contractNumber = (startIso: string) => {
    const year = yearOf(startIso)
    const n = (contractSeq.get(year) ?? 0) + 1
    contractSeq.set(year, n)
    return `ქ-${year}/${String(n).padStart(4, '0')}`
  }
  let paymentOrder = 100_000

  const randomDay = (from: number, to: number) => (to <= from ? from : r.int(from, to))
  const mayorsOrder = (day: number) =>
    `რუსთავის მუნიციპალიტეტის მერის ${actCitation(isoOf(day), r.int(12, 1_480), 'order')}`
  const act = (method: AcquisitionMethod, day: number): string => {
    const iso = isoOf(day)
    switch (method) {
      case 'stateTransfer':
        return `საქართველოს მთავრობის ${actCitation(iso, r.int(100, 2_600), 'decree')}`
      case 'legacy':
        return r.chance(0.3)
          ? ''
          : `რუსთავის მუნიციპალიტეტის საკრებულოს ${actCitation(iso, r.int(1, 320), r.pick(['resolution', 'decree'] as const))}`
      case 'purchase':
        return `სახელმწიფო შესყიდვის ხელშეკრულება №${r.int(1, 950)}/${yearOf(iso)}, ${mayorsOrder(day)}`
      case 'construction':
        return `ექსპლუატაციაში მიღების აქტი №${r.int(1, 400)}, ${mayorsOrder(day)}`
      case 'donation':
        return `ჩუქების ხელშეკრულება №${r.int(1, 90)}, ${mayorsOrder(day)}`
      default:
        return r.chance(0.5) ? mayorsOrder(day) : ''
    }
  }

  for (let i = 0; i < options.objects; i++) {
    const type = r.weighted(typeWeights)
    const kind = r.weighted(kinds[type])
    const unitIndex = r.int(0, territorialUnitIds.length - 1)
    const state = r.weighted(stateWeights[type])
    const method = r.weighted(acquisitionWeights[type])
    const acquiredDay = acquisitionDay(r, method, firstDay, today)
    const acquiredOn = method === 'legacy' && r.chance(0.08) ? null : isoOf(acquiredDay)
    const inventoryYear = acquiredOn ? yearOf(acquiredOn) : 2007

    const area = kind.area ? round2(r.logUniform(kind.area[0], kind.area[1])) : null
    const unitPrice = r.logUniform(kind.value[0], kind.value[1])
    const bookLari = Math.max(20, Math.round((area ?? 1) * unitPrice))
    const bookValueTetri = bookLari * 100 + (type === 'movable' ? r.int(0, 99) : 0)
    const saleable = state === 'listedForAuction' || state === 'privatised'
    const marketValueTetri =
      realEstate.has(type) && (saleable || r.chance(0.15))
        ? Math.round(bookLari * r.logUniform(1.1, 3.2)) * 100
        : null
    const propertyClass: PropertyClass = !saleable && r.chance(kind.basic) ? 'basic' : 'additional'

    const address = addressOf(r, type, kind, unitIndex)
    const name = kind.name(r)
    const objectId = newId()
    const group: DemoRow[] = [
      {
        entity: 'propertyObject',
        id: objectId,
        subjectId: objectId,
        values: {
          inventoryNumber: `RST-${inventoryYear}-${String(i + 1).padStart(6, '0')}`,
          name,
          type,
          propertyClass,
          state,
          territorialUnitId: territorialUnitIds[unitIndex]!,
          street: address.street,
          building: address.building,
          apartment: address.apartment,
          postalCode: address.postalCode,
          addressNote: address.note,
          areaSqm: area,
          purpose: r.pick(kind.purpose),
          bookValueTetri,
          marketValueTetri,
          acquiredOn,
          acquisitionMethod: method,
          acquisitionAct: act(method, acquiredDay),
          custodian: state === 'leased' || state === 'vacant' ? propertyService : kind.custodian(r, name),
          notes: r.chance(0.06) ? r.pick(objectNotes) : '',
        },
      },
    ]

    if (r.chance(kind.coded)) {
      const registeredDay = Math.max(acquiredDay, dayOf('2004-06-01'))
      const withHistory = r.chance(0.12) && today - registeredDay > 400
      const firstCode = cadastralCode(r, usedCodes, unitIndex, type === 'premises')
      const changeDay = withHistory ? randomDay(registeredDay + 180, today - 30) : 0
      group.push({
        entity: 'propertyCadastralCode',
        id: newId(),
        subjectId: objectId,
        values: {
          objectId,
          code: firstCode,
          validFrom: isoOf(registeredDay),
          validTo: withHistory ? isoOf(changeDay) : null,
          reason: 'registration',
        },
      })
      if (withHistory) {
        group.push({
          entity: 'propertyCadastralCode',
          id: newId(),
          subjectId: objectId,
          values: {
            objectId,
            code: cadastralCode(r, usedCodes, unitIndex, type === 'premises'),
            validFrom: isoOf(changeDay),
            validTo: null,
            reason: r.pick(codeChangeReasons),
          },
        })
      }
    }

    if (realEstate.has(type)) {
      const leasable = area ?? 50
      const rentPerSqm =
        type === 'land'
          ? r.logUniform(1, 6)
          : type === 'premises'
            ? r.logUniform(36, 150)
            : r.logUniform(20, 80)
      const baseRentTetri = Math.max(600, Math.round((leasable * rentPerSqm) / 12) * 12) * 100
      const leases: LeasePlan[] = []
      const earliest = Math.min(Math.max(acquiredDay + 30, dayOf('2010-01-01')), today - 1)
      if (state === 'leased') {
        const current = currentLease(r, today, earliest)
        leases.push(current)
        const previous = r.chance(0.3) ? endedLease(r, earliest, current.start - 1) : null
        if (previous) leases.push(previous)
      } else if ((state === 'vacant' || state === 'listedForAuction') && r.chance(0.35)) {
        const previous = endedLease(r, Math.max(earliest, today - 3_650), today - 1)
        if (previous) leases.push(previous)
      }
      for (const plan of leases) {
        const who = tenant()
        const startDate = isoOf(plan.start)
        const leaseId = newId()
        const schedule = r.weighted<RentSchedule>([
          ['monthly', 76],
          ['quarterly', 16],
          ['annual', 8],
        ])
        const annualRentTetri = Math.max(
          1_200,
          Math.round((baseRentTetri * r.logUniform(0.8, 1.25)) / 1_200) * 1_200,
        )
        const terminatedOn =
          plan.ended && r.chance(0.15) ? isoOf(randomDay(plan.start + 60, plan.end - 1)) : null
        group.push({
          entity: 'propertyLease',
          id: leaseId,
          subjectId: objectId,
          values: {
            objectId,
            contractNumber: contractNumber(startDate),
            tenantKind: who.kind,
            tenantName: who.name,
            tenantIdNumber: who.idNumber,
            tenantPhone: who.phone,
            startDate,
            endDate: isoOf(plan.end),
            annualRentTetri,
            schedule,
            legalBasis: r.chance(0.6)
              ? `ელექტრონული აუქციონი №${r.int(100_000, 999_999)}, ${mayorsOrder(plan.start - r.int(5, 40))}`
              : mayorsOrder(plan.start - r.int(5, 40)),
            terminatedOn,
          },
        })
        const habit = r.weighted<PayingHabit>(plan.ended ? endedLeaseHabits : runningLeaseHabits)
        const terms = { startDate, endDate: isoOf(plan.end), terminatedOn, annualRentTetri, schedule }
        for (const payment of payments(r, terms, habit, today, ledgerStart)) {
          paymentOrder += r.int(1, 40)
          group.push({
            entity: 'propertyLeasePayment',
            id: newId(),
            subjectId: objectId,
            values: {
              leaseId,
              paidOn: isoOf(payment.day),
              amountTetri: payment.amount,
              reference:
                payment.carriedOver ??
                (r.chance(0.9) ? `საგადახდო დავალება №${paymentOrder}` : `სალაროს ქვითარი №${paymentOrder}`),
            },
          })
        }
      }
    }
    yield group
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100

function actCitation(iso: string, number: number, kind: LegalActKind): string {
  return citeLegalAct({ date: iso, number: String(number), kind })
}

function acquisitionDay(r: Random, method: AcquisitionMethod, firstDay: number, today: number): number {
  const span = (fromIso: string) => {
    const from = Math.max(firstDay, dayOf(fromIso))
    return from >= today ? today - 1 : r.int(from, today - 1)
  }
  switch (method) {
    case 'legacy':
      return r.int(firstDay, Math.min(today - 1, dayOf('2008-12-31')))
    case 'stateTransfer':
      return span('2007-01-01')
    case 'construction':
      return span('2012-01-01')
    default:
      return span('2010-01-01')
  }
}

interface Address {
  street: string
  building: string
  apartment: string
  postalCode: string | null
  note: string
}

function addressOf(r: Random, type: ObjectType, kind: Kind, unitIndex: number): Address {
  const postalCode = r.chance(0.9) ? String(3700 + unitIndex * 2 + r.int(0, 1)) : null
  const inDistrict = r.chance(0.55)
  // micro-districts and streets each belong to one territorial unit
  const district = microDistricts[(unitIndex + 10 * r.int(0, 1)) % microDistricts.length]!
  const street = streets[(unitIndex + 10 * r.int(0, 3)) % streets.length]!
  const house = () => `${r.int(1, 160)}${r.chance(0.1) ? r.pick(['ა', 'ბ', 'გ']) : ''}`
  const block = () => `კორპუსი ${r.int(1, 48)}${r.chance(0.08) ? r.pick(['ა', 'ბ']) : ''}`
  if (type === 'land' || type === 'infrastructure') {
    const nearBy = r.chance(0.5)
    return {
      street: inDistrict ? district : street,
      building: nearBy ? '' : inDistrict ? block() : house(),
      apartment: '',
      postalCode,
      note: nearBy ? (inDistrict ? `${block()}-ის მიმდებარე ტერიტორია` : `№${house()}-ის მიმდებარედ`) : '',
    }
  }
  const residential = kind.purpose.includes('საცხოვრებელი')
  return {
    street: inDistrict ? district : street,
    building: inDistrict ? block() : house(),
    apartment:
      type === 'premises'
        ? residential
          ? `ბინა ${r.int(1, 120)}`
          : r.chance(0.7)
            ? `ფართი №${r.int(1, 30)}`
            : ''
        : '',
    postalCode,
    note: type === 'premises' && !residential && r.chance(0.3) ? `${r.int(1, 9)}-ლი სართული` : '',
  }
}

/** Rustavi-like zone 02: `02.0s.qq.bbb.ppp`, with building, floor and unit for premises. Unique. */
function cadastralCode(r: Random, used: Set<string>, unitIndex: number, unit: boolean): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  for (;;) {
    let code = `02.${pad(1 + (unitIndex % 9), 2)}.${pad(r.int(1, 45), 2)}.${pad(r.int(1, 120), 3)}.${pad(r.int(1, 250), 3)}`
    if (unit) code += `.${pad(r.int(1, 4), 2)}.${pad(r.int(1, 12), 2)}.${pad(r.int(1, 60), 3)}`
    if (!used.has(code)) {
      used.add(code)
      return code
    }
  }
}

interface LeasePlan {
  start: number
  end: number
  ended: boolean
}

const termYears = [
  [1, 22],
  [2, 14],
  [3, 22],
  [5, 26],
  [7, 6],
  [10, 10],
] as const

/** A lease running today; about one in ten ends within the next 90 days. */
function currentLease(r: Random, today: number, earliest: number): LeasePlan {
  const years = r.weighted(termYears)
  if (r.chance(0.1)) {
    const end = today + r.int(1, 90)
    const start = Math.max(earliest, dayOf(addYears(isoOf(end + 1), -years)))
    return { start: Math.min(start, today), end, ended: false }
  }
  const length = dayOf(addYears(isoOf(today), years)) - today
  const start = Math.max(earliest, today - r.int(0, length - 1))
  const end = dayOf(addYears(isoOf(start), years)) - 1
  return { start: Math.min(start, today), end: Math.max(end, today), ended: false }
}

/** A lease that ended before `before` and started no earlier than `earliest`; null when there is no room. */
function endedLease(r: Random, earliest: number, before: number): LeasePlan | null {
  if (before - earliest < 400) return null
  const years = r.weighted(termYears.slice(0, 4))
  const end = r.int(Math.max(earliest + 200, before - 1_400), before)
  const start = Math.max(earliest, dayOf(addYears(isoOf(end + 1), -years)))
  return { start, end: Math.max(end, start + 1), ended: true }
}

interface Payment {
  day: number
  amount: number
  /** Set on the one entry that carries over what was paid before the ledger went digital. */
  carriedOver?: string
}

const runningLeaseHabits: readonly (readonly [PayingHabit, number])[] = [
  ['punctual', 58],
  ['bundled', 16],
  ['late', 8],
  ['stopped', 8],
  ['partial', 4],
  ['lumps', 6],
]
const endedLeaseHabits: readonly (readonly [PayingHabit, number])[] = [
  ['punctual', 60],
  ['bundled', 12],
  ['late', 8],
  ['stopped', 15],
  ['partial', 5],
]

/**
 * What a tenant with the given habit paid up to today. Payments before `ledgerStart` are carried
 * over from the paper ledger as one entry (their total), as a migration from paper would do; the
 * ledger is itemised from then on. Totals, and so arrears, are the same either way.
 */
function payments(
  r: Random,
  terms: {
    startDate: string
    endDate: string
    terminatedOn: string | null
    annualRentTetri: number
    schedule: RentSchedule
  },
  habit: PayingHabit,
  today: number,
  ledgerStart: number,
): Payment[] {
  const schedule = instalments(terms, today + 366)
  /** Instalments fallen due by today. */
  let fallenDue = 0
  while (fallenDue < schedule.length && schedule[fallenDue]!.day <= today) fallenDue++
  const due = schedule.slice(0, fallenDue)
  const paid: Payment[] = []
  const pay = (day: number, amount: number) => {
    if (day <= today && amount > 0) paid.push({ day, amount })
  }
  /** Several instalments paid in one transfer, on the first one's due date (so possibly in advance). */
  const inChunks = (size: number, delay: number) => {
    for (let k = 0; k < due.length; k += size) {
      let amount = 0
      for (let j = k; j < k + size && j < schedule.length; j++) amount += schedule[j]!.amount
      pay(Math.min(today, schedule[k]!.day + (delay > 0 ? r.int(0, delay) : 0)), amount)
    }
  }
  const perYear = 12 / monthsOf(terms.schedule)
  switch (habit) {
    case 'punctual':
      for (const d of due) pay(Math.min(today, d.day + r.int(0, 6)), d.amount)
      break
    case 'bundled':
      inChunks(Math.max(1, perYear / 4), 10)
      break
    case 'late':
      for (const d of due) pay(d.day + r.int(8, 30), d.amount)
      break
    case 'stopped': {
      // paid until a few instalments before today (or the end), then nothing
      const keep = Math.max(0, due.length - r.int(2, 9))
      for (const d of due.slice(0, keep)) pay(d.day + r.int(0, 20), d.amount)
      break
    }
    case 'partial':
      for (const d of due) pay(d.day + r.int(0, 25), Math.round(d.amount * r.logUniform(0.4, 0.9)))
      break
    case 'lumps':
      inChunks(perYear, 0)
      break
  }
  paid.sort((a, b) => a.day - b.day)
  const before = paid.filter((p) => p.day < ledgerStart)
  if (before.length <= 1) return paid
  const firstYear = yearOf(isoOf(before[0]!.day))
  const lastYear = yearOf(isoOf(before[before.length - 1]!.day))
  const years = firstYear === lastYear ? `${firstYear}` : `${firstYear}–${lastYear}`
  return [
    {
      day: ledgerStart - 1,
      amount: before.reduce((sum, p) => sum + p.amount, 0),
      carriedOver: `ქაღალდის რეესტრიდან გადმოტანილი, ${years} წწ.`,
    },
    ...paid.filter((p) => p.day >= ledgerStart),
  ]
}

/**
 * The lease's rent schedule up to `until`: the same instalments as the domain's `rentSchedule`
 * (one at the start of every period, whole tetri that never drift), on day numbers, because the
 * generator needs a hundred thousand of them.
 */
function instalments(
  terms: {
    startDate: string
    endDate: string
    terminatedOn: string | null
    annualRentTetri: number
    schedule: RentSchedule
  },
  until: number,
): Payment[] {
  const months = monthsOf(terms.schedule)
  const lastIso =
    terms.terminatedOn && terms.terminatedOn < terms.endDate ? terms.terminatedOn : terms.endDate
  const last = Math.min(dayOf(lastIso), until)
  const year = yearOf(terms.startDate)
  const month = Number(terms.startDate.slice(5, 7)) - 1
  const dayOfMonth = Number(terms.startDate.slice(8, 10))
  const out: Payment[] = []
  for (let k = 0; k < 1200; k++) {
    const index = year * 12 + month + k * months
    const y = Math.floor(index / 12)
    const m = index - y * 12
    const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
    const day = Date.UTC(y, m, Math.min(dayOfMonth, lastOfMonth)) / DAY_MS
    if (day > last) break
    const cumulative = (n: number) => Math.floor((terms.annualRentTetri * n * months) / 12)
    out.push({ day, amount: cumulative(k + 1) - cumulative(k) })
  }
  return out
}

const monthsOf = (schedule: RentSchedule) => (schedule === 'monthly' ? 1 : schedule === 'quarterly' ? 3 : 12)
