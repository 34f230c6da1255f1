import type { Db } from '../../../db/database'
import { bankFileTable } from '../../../db/sanitation/bankFileTable'
import {
  activityCategories,
  bankFormats,
  referenceCodeTaken,
  referenceRow,
  socialBands,
} from '../../../db/sanitation/referenceData'
import { sanitationSettings } from '../../../db/sanitation/rules'
import type { Actor, WritePath } from '../../../db/writePath'
import { DomainError } from '../../../domain/errors'
import { isoDateInTbilisi } from '../../../domain/georgian/dates'
import { previewBankFormat } from '../../../domain/sanitation/bankFormatPreview'
import type { ReferenceEntity } from '../../../domain/sanitation/initialReferenceRows'
import type { sanitationReferenceCalls } from '../../../domain/sanitation/referenceContract'
import { overlappingBands, type SocialBand } from '../../../domain/sanitation/referenceData'
import { layoutJson } from '../../../domain/sanitation/referenceRows'
import type { CallScope, Handlers } from '../dispatch'

export interface ReferenceServiceDeps {
  db: Db
  write: WritePath
  now: () => Date
}

const entityOf = {
  activityCategory: 'sanitationActivityCategory',
  socialBand: 'sanitationSocialBand',
  bankFormat: 'sanitationBankFormat',
} as const satisfies Record<string, ReferenceEntity>

const actorOf = (scope: CallScope): Actor => {
  if (!scope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
  return { userId: scope.principal.userId, userName: scope.principal.userName }
}

/**
 * The calls on the sanitation registry's reference data. The contract lets only a head change it;
 * here: codes stay unique, bands in use never overlap, and an edit is based on the version its form
 * showed. Each change goes through the write path, so it reaches every PC of the department.
 */
export function sanitationReferenceService(
  deps: ReferenceServiceDeps,
): Handlers<{ sanitation: typeof sanitationReferenceCalls }>['sanitation'] {
  const { db, write, now } = deps
  const today = () => isoDateInTbilisi(now().getTime())

  const requireRow = (entity: ReferenceEntity, id: string) => {
    const row = referenceRow(db, entity, id)
    if (!row) throw new DomainError('NOT_FOUND', `No such ${entity}`)
    return row
  }
  const requireFreeCode = (entity: ReferenceEntity, code: string) => {
    if (referenceCodeTaken(db, entity, code)) {
      throw new DomainError('DUPLICATE', `The code ${code} is taken`, {
        code: 'sanitation.reference.codeTaken',
      })
    }
  }
  /** A band that is (or becomes) in use must not share a score with another band in use. */
  const requireNoOverlap = (band: Pick<SocialBand, 'minScore' | 'maxScore'>, exceptId: string | null) => {
    const inUse = socialBands(db).filter((b) => b.retiredOn === null && b.id !== exceptId)
    const candidate = { ...band, code: '\u0000candidate', nameKa: '', nameEn: '' }
    if (overlappingBands([...inUse, candidate]).includes(candidate.code)) {
      throw new DomainError('VALIDATION', 'The band overlaps another band in use', {
        minScore: 'sanitation.band.overlap',
      })
    }
  }
  const insert = (entity: ReferenceEntity, values: Record<string, unknown>, scope: CallScope) => {
    const [written] = write(actorOf(scope), [
      { op: 'insert', entity, values: { ...values, retiredOn: null } },
    ])
    return { id: written!.id }
  }
  const update = (
    entity: ReferenceEntity,
    id: string,
    version: number,
    values: Record<string, unknown>,
    scope: CallScope,
  ) => {
    requireRow(entity, id)
    write(actorOf(scope), [{ op: 'update', entity, id, values, expectedVersion: version }])
    return { id }
  }

  return {
    listReferenceData: () => ({
      categories: activityCategories(db),
      bands: socialBands(db),
      bankFormats: bankFormats(db),
    }),

    createActivityCategory(category, scope) {
      requireFreeCode('sanitationActivityCategory', category.code)
      return insert('sanitationActivityCategory', category, scope)
    },

    updateActivityCategory: ({ id, version, ...fields }, scope) =>
      update('sanitationActivityCategory', id, version, fields, scope),

    createSocialBand(band, scope) {
      requireFreeCode('sanitationSocialBand', band.code)
      requireNoOverlap(band, null)
      return insert('sanitationSocialBand', band, scope)
    },

    updateSocialBand({ id, version, ...fields }, scope) {
      if (requireRow('sanitationSocialBand', id).retiredOn === null) requireNoOverlap(fields, id)
      return update('sanitationSocialBand', id, version, fields, scope)
    },

    createBankFormat(format, scope) {
      requireFreeCode('sanitationBankFormat', format.code)
      const { code, nameKa, nameEn } = format
      return insert('sanitationBankFormat', { code, nameKa, nameEn, layout: layoutJson(format) }, scope)
    },

    updateBankFormat({ id, version, nameKa, nameEn, ...layout }, scope) {
      return update(
        'sanitationBankFormat',
        id,
        version,
        { nameKa, nameEn, layout: layoutJson(layout) },
        scope,
      )
    },

    retireReferenceItem({ kind, id, version, retired }, scope) {
      const entity = entityOf[kind]
      const row = requireRow(entity, id)
      if (!retired && kind === 'socialBand') {
        const band = socialBands(db).find((b) => b.id === id)!
        requireNoOverlap(band, id)
      }
      // Retiring again keeps the first day it was retired.
      return update(entity, id, version, { retiredOn: retired ? (row.retiredOn ?? today()) : null }, scope)
    },

    /** A file that cannot be read at all (not UTF-8, a broken workbook) is a coded error of `file`. */
    async previewBankFormat({ format, contentBase64 }) {
      const table = await bankFileTable(Buffer.from(contentBase64, 'base64'), format)
      return previewBankFormat(table, format, {
        today: today(),
        absurdPaymentTetri: sanitationSettings().absurdPaymentTetri,
      })
    },
  }
}
