import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../../../db/database'
import { completeAmnesty, grantAmnesty, storedAmnesty } from '../../../db/sanitation/amnestyGrant'
import { inspectionLines, storedInspection } from '../../../db/sanitation/inspections'
import {
  householdOfPersonalNumber,
  newPaymentCode,
  storedPayer,
  territorialUnitIsLive,
} from '../../../db/sanitation/payerRecords'
import { activityCategories, socialBands } from '../../../db/sanitation/referenceData'
import {
  activePlanOf,
  amnestyList,
  balanceOf,
  exemptionList,
  plannedAmnesty,
  storedExemption,
  storedPlan,
} from '../../../db/sanitation/relief'
import { adoptTariffVersion, completeCorrections } from '../../../db/sanitation/tariffAdoption'
import {
  plannedCorrections,
  sameDayVersion,
  tariffVersionIsLive,
  tariffVersionViews,
} from '../../../db/sanitation/tariffVersions'
import type { Actor, Change, WritePath } from '../../../db/writePath'
import { DomainError } from '../../../domain/errors'
import { isoDateInTbilisi } from '../../../domain/georgian/dates'
import type { sanitationEditCalls } from '../../../domain/sanitation/editContract'
import type { LineWritingProgress } from '../../../domain/sanitation/editSchemas'
import { inspectionChange, observationFits } from '../../../domain/sanitation/inspection'
import { instalmentSchedule } from '../../../domain/sanitation/instalmentPlan'
import { periodOfDate } from '../../../domain/sanitation/period'
import { checkPayerRow, SanitationPayerRow } from '../../../domain/sanitation/rows'
import type { AmnestyFields, TariffVersionFields } from '../../../domain/sanitation/schemas'
import { fieldErrorsOf } from '../../../domain/validation'
import type { CallScope, Handlers } from '../dispatch'
import { busyWriting, type LineWritingJobs } from './lineWritingJobs'

export interface SanitationEditDeps {
  db: Db
  write: WritePath
  now: () => Date
  /** Amnesties' and tariff versions' lines being written (lineWritingJobs.ts). */
  jobs: LineWritingJobs
  /** A billing run is writing its lines: no other long write starts meanwhile. */
  billingRunning: () => boolean
}

const actorOf = (scope: CallScope): Actor => {
  if (!scope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
  return { userId: scope.principal.userId, userName: scope.principal.userName }
}
const invalid = (field: string, key: string) =>
  new DomainError('VALIDATION', `Invalid ${field}`, { [field]: key })
const notFound = (what: string) => new DomainError('NOT_FOUND', `No such ${what}`)

/** A payer's record checked whole, after an edit merged its changed fields in. */
const WholePayer = SanitationPayerRow.superRefine(checkPayerRow)

/**
 * The calls that create and change sanitation records. Each checks what only the store knows
 * (the payer exists, a code is known, a plan is not already running), then writes every row of
 * the change in one call of the write path, so it is one transaction, one sync batch.
 */
export function sanitationEditService(
  deps: SanitationEditDeps,
): Handlers<{ sanitation: typeof sanitationEditCalls }>['sanitation'] {
  const { db, write, now, jobs } = deps
  const today = () => isoDateInTbilisi(now().getTime())
  // The reference data a head edits (db/sanitation/referenceData.ts): what is in use may be chosen;
  // a retired item stays on the records that already name it.
  const categories = () =>
    activityCategories(db)
      .filter((c) => c.retiredOn === null)
      .map(({ code, nameKa, nameEn, unit }) => ({ code, nameKa, nameEn, unit }))
  const bands = () =>
    socialBands(db)
      .filter((b) => b.retiredOn === null)
      .map(({ code, nameKa, nameEn, minScore, maxScore }) => ({ code, nameKa, nameEn, minScore, maxScore }))
  const categoryKnown = (code: string) => categories().some((c) => c.code === code)
  const bandKnown = (code: string) => bands().some((b) => b.code === code)

  const requirePayer = (id: string) => {
    const payer = storedPayer(db, id)
    if (!payer) throw notFound('payer')
    return payer
  }
  const checkPayerReferences = (
    row: {
      kind: string
      territorialUnitId: string
      activityCategory: string | null
      personalNumber: string | null
    },
    exceptId: string | null,
  ) => {
    if (!territorialUnitIsLive(db, row.territorialUnitId)) {
      throw invalid('territorialUnitId', 'sanitation.payerForm.unknownUnit')
    }
    const keeps = exceptId !== null && storedPayer(db, exceptId)?.activityCategory === row.activityCategory
    if (row.activityCategory !== null && !categoryKnown(row.activityCategory) && !keeps) {
      throw invalid('activityCategory', 'sanitation.payerForm.unknownCategory')
    }
    if (
      row.kind === 'household' &&
      row.personalNumber !== null &&
      householdOfPersonalNumber(db, row.personalNumber, exceptId)
    ) {
      throw new DomainError('DUPLICATE', 'The personal number heads another household', {
        personalNumber: 'sanitation.payerForm.personalNumberTaken',
      })
    }
  }
  const checkTariff = (fields: TariffVersionFields) => {
    if (fields.amendsVersionId !== null && !tariffVersionIsLive(db, fields.amendsVersionId)) {
      throw invalid('amendsVersionId', 'sanitation.tariffs.unknownVersion')
    }
    fields.bandRates.forEach((r, i) => {
      if (!bandKnown(r.band)) throw invalid(`bandRates.${i}.band`, 'sanitation.tariffs.unknownBand')
    })
    fields.activityRates.forEach((r, i) => {
      if (!categoryKnown(r.category)) {
        throw invalid(`activityRates.${i}.category`, 'sanitation.tariffs.unknownCategory')
      }
    })
    if (sameDayVersion(db, fields)) {
      throw new DomainError('DUPLICATE', 'A version adopted and effective on the same days exists', {
        effectiveFrom: 'sanitation.tariffs.sameDays',
      })
    }
  }
  const checkAmnesty = (fields: AmnestyFields) => {
    if (fields.toPeriod > periodOfDate(today())) throw invalid('toPeriod', 'sanitation.amnestyForm.future')
  }
  // One long write at a time: an amnesty planned while a billing run adds charges would miss them.
  const checkNotBusy = (field: string) => {
    if (jobs.running() || deps.billingRunning()) throw busyWriting(field)
  }
  /** A record's progress: its job on this backend, or else what its row records. */
  const progressOf = (recordId: string): LineWritingProgress => {
    const running = jobs.progress(recordId)
    if (running) return running
    const amnesty = storedAmnesty(db, recordId)
    const version = amnesty ? undefined : tariffVersionViews(db).find((v) => v.id === recordId)
    const row = amnesty
      ? { done: amnesty.state === 'granted', lines: amnesty.lineCount, tetri: amnesty.totalTetri }
      : version
        ? {
            done: version.correctionsState === 'issued',
            lines: version.correctionCount,
            tetri: version.correctionTetri,
          }
        : null
    if (!row) throw notFound('amnesty or tariff version')
    return {
      recordId,
      state: row.done ? 'completed' : 'stopped',
      doneLines: row.lines,
      totalLines: row.lines,
      doneTetri: row.tetri,
    }
  }

  return {
    referenceData: () => ({ activityCategories: [...categories()], socialBands: [...bands()] }),

    createPayer(fields, scope) {
      checkPayerReferences(fields, null)
      const id = uuidv7()
      const paymentCode = newPaymentCode(db, fields.kind)
      write(actorOf(scope), [
        {
          op: 'insert',
          entity: 'sanitationPayer',
          id,
          values: { ...fields, paymentCode, status: 'active', closedOn: null },
        },
      ])
      return { id, paymentCode }
    },

    updatePayer({ id, version, changes }, scope) {
      const { id: _id, version: _version, ...payer } = requirePayer(id)
      const merged = WholePayer.safeParse({ ...payer, ...changes })
      if (!merged.success) {
        throw new DomainError('VALIDATION', 'The payer would not be valid', fieldErrorsOf(merged.error))
      }
      checkPayerReferences(merged.data, id)
      write(actorOf(scope), [
        { op: 'update', entity: 'sanitationPayer', id, values: changes, expectedVersion: version },
      ])
      return { id }
    },

    tariffVersions: () => tariffVersionViews(db),

    previewTariffVersion(fields) {
      checkTariff(fields)
      return plannedCorrections(db, uuidv7(), fields, today()).summary
    },

    createTariffVersion(fields, scope) {
      checkTariff(fields)
      checkNotBusy('effectiveFrom')
      const actor = actorOf(scope)
      return jobs.start((options) => adoptTariffVersion(db, write, actor, fields, today(), options))
    },

    completeTariffCorrections({ recordId }, scope) {
      checkNotBusy('recordId')
      const actor = actorOf(scope)
      return jobs.start((options) => completeCorrections(db, write, actor, recordId, today(), options))
    },

    exemptions: ({ includePayers }) => exemptionList(db, includePayers),

    createExemption(fields, scope) {
      if (fields.payerId !== null) requirePayer(fields.payerId)
      if (fields.target === 'activityCategory' && !categoryKnown(fields.targetCode!)) {
        throw invalid('targetCode', 'sanitation.exemptionForm.unknownCategory')
      }
      if (fields.target === 'socialBand' && !bandKnown(fields.targetCode!)) {
        throw invalid('targetCode', 'sanitation.exemptionForm.unknownBand')
      }
      const [written] = write(actorOf(scope), [
        {
          op: 'insert',
          entity: 'sanitationExemption',
          values: fields,
          ...(fields.payerId ? { subjectId: fields.payerId } : {}),
        },
      ])
      return { id: written!.id }
    },

    endExemption({ id, version, toPeriod }, scope) {
      const exemption = storedExemption(db, id)
      if (!exemption) throw notFound('exemption')
      if (toPeriod < exemption.fromPeriod) throw invalid('toPeriod', 'sanitation.period.endBeforeStart')
      if (exemption.toPeriod !== null && toPeriod >= exemption.toPeriod) {
        throw invalid('toPeriod', 'sanitation.exemptionForm.notEarlier')
      }
      write(actorOf(scope), [
        {
          op: 'update',
          entity: 'sanitationExemption',
          id,
          values: { toPeriod },
          expectedVersion: version,
          ...(exemption.payerId ? { subjectId: exemption.payerId } : {}),
        },
      ])
      return { id }
    },

    createInstalmentPlan(fields, scope) {
      requirePayer(fields.payerId)
      if (activePlanOf(db, fields.payerId)) {
        throw new DomainError('DUPLICATE', 'The payer has an active plan', {
          payerId: 'sanitation.planForm.alreadyActive',
        })
      }
      if (fields.totalTetri > balanceOf(db, fields.payerId)) {
        throw invalid('totalTetri', 'sanitation.planForm.moreThanDebt')
      }
      const [written] = write(actorOf(scope), [
        {
          op: 'insert',
          entity: 'sanitationInstalmentPlan',
          subjectId: fields.payerId,
          values: { ...fields, state: 'active' },
        },
      ])
      return {
        id: written!.id,
        schedule: instalmentSchedule(fields.totalTetri, fields.instalments, fields.firstDueOn),
      }
    },

    cancelInstalmentPlan({ id, version, reason }, scope) {
      const plan = storedPlan(db, id)
      if (!plan) throw notFound('instalment plan')
      if (plan.state !== 'active') throw invalid('id', 'sanitation.planForm.notActive')
      // The plan's earlier note stays in its history.
      write(actorOf(scope), [
        {
          op: 'update',
          entity: 'sanitationInstalmentPlan',
          id,
          subjectId: plan.payerId,
          values: { state: 'cancelled', note: reason },
          expectedVersion: version,
        },
      ])
      return { id }
    },

    amnesties: () => amnestyList(db),

    previewAmnesty(fields) {
      checkAmnesty(fields)
      return plannedAmnesty(db, { id: uuidv7(), ...fields }, today()).outcome
    },

    grantAmnesty(fields, scope) {
      checkAmnesty(fields)
      checkNotBusy('fromPeriod')
      const actor = actorOf(scope)
      return jobs.start((options) => grantAmnesty(db, write, actor, fields, today(), options))
    },

    completeAmnesty({ recordId }, scope) {
      checkNotBusy('recordId')
      const actor = actorOf(scope)
      return jobs.start((options) => completeAmnesty(db, write, actor, recordId, today(), options))
    },

    lineWritingProgress: ({ recordId }) => progressOf(recordId),

    stopLineWriting({ recordId }) {
      jobs.stop(recordId)
      return progressOf(recordId)
    },

    recordInspection(fields, scope) {
      const payer = requirePayer(fields.payerId)
      if (!observationFits(payer, fields)) {
        const field = payer.kind === 'household' ? 'observedMembers' : 'observedQuantity'
        throw invalid(field, 'sanitation.inspectionForm.wrongObservation')
      }
      if (fields.visitedOn > today()) throw invalid('visitedOn', 'sanitation.inspectionForm.future')
      const [written] = write(actorOf(scope), [
        {
          op: 'insert',
          entity: 'sanitationInspection',
          subjectId: fields.payerId,
          values: { ...fields, approval: 'pending', decidedBy: '', decidedAt: null },
        },
      ])
      return { id: written!.id }
    },

    inspections: ({ approval }) => inspectionLines(db, approval),

    decideInspection({ inspectionId, approve }, scope) {
      const inspection = storedInspection(db, inspectionId)
      if (!inspection) throw notFound('inspection')
      if (inspection.approval !== 'pending') {
        throw invalid('inspectionId', 'sanitation.inspections.alreadyDecided')
      }
      const payer = requirePayer(inspection.payerId)
      const actor = actorOf(scope)
      const change = approve ? inspectionChange(payer, inspection) : null
      const changes: Change[] = [
        {
          op: 'update',
          entity: 'sanitationInspection',
          id: inspectionId,
          subjectId: payer.id,
          values: {
            approval: approve ? 'approved' : 'rejected',
            decidedBy: actor.userName,
            decidedAt: now().toISOString(),
          },
          expectedVersion: inspection.version,
        },
      ]
      if (change) {
        changes.push({
          op: 'update',
          entity: 'sanitationPayer',
          id: payer.id,
          values: { [change.field]: change.to },
        })
      }
      write(actor, changes)
      return { id: inspectionId, change }
    },
  }
}
