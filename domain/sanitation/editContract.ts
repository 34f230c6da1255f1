import { z } from 'zod'
import { inDepartment } from '../auth/access'
import { defineCalls } from '../contract'
import { Id } from '../text'
import {
  AmnestyGranted,
  AmnestyOutcome,
  AmnestyView,
  ExemptionEnd,
  ExemptionQuery,
  ExemptionView,
  InspectionDecided,
  InspectionLine,
  InspectionQuery,
  LineWritingProgress,
  LineWritingRecord,
  PayerCreated,
  PayerUpdate,
  PlanCancellation,
  PlanCreated,
  SanitationReferenceView,
  TariffCorrections,
  TariffVersionCreated,
  TariffVersionView,
} from './editSchemas'
import {
  AmnestyFields,
  ExemptionFields,
  InspectionDecision,
  InspectionFields,
  InstalmentPlanFields,
  PayerFields,
  TariffVersionFields,
} from './schemas'

// The sanitation registry's calls that create and change records: payers, tariff versions,
// exemptions, instalment plans, period amnesties and inspections. Each change goes through the
// write path (outbox, history, sync). A clerk registers payers, agrees plans, records exemptions
// and inspections; a head adopts tariff versions and amnesties and decides on inspections.

const created = z.object({ id: Id }).strict()
const nothing = z.object({}).strict()
const read = inDepartment('sanitation', 'read')
const write = inDepartment('sanitation', 'write')
const approve = inDepartment('sanitation', 'approve')

export const sanitationEditCalls = defineCalls({
  referenceData: { input: nothing, output: SanitationReferenceView, access: read },
  createPayer: { input: PayerFields, output: PayerCreated, access: write },
  updatePayer: { input: PayerUpdate, output: created, access: write },

  tariffVersions: { input: nothing, output: z.array(TariffVersionView), access: read },
  /** The correction lines the version would issue for charges already made; nothing is written. */
  previewTariffVersion: { input: TariffVersionFields, output: TariffCorrections, access: approve },
  /**
   * The version and its rates (one transaction), then its correction lines in batches: it answers
   * once the version is written; the lines' progress is asked with `lineWritingProgress`.
   */
  createTariffVersion: { input: TariffVersionFields, output: TariffVersionCreated, access: approve },
  /** Writes the corrections an interrupted adoption left unwritten (none twice). */
  completeTariffCorrections: { input: LineWritingRecord, output: TariffVersionCreated, access: approve },

  exemptions: { input: ExemptionQuery, output: z.array(ExemptionView), access: read },
  createExemption: { input: ExemptionFields, output: created, access: write },
  endExemption: { input: ExemptionEnd, output: created, access: write },

  createInstalmentPlan: { input: InstalmentPlanFields, output: PlanCreated, access: write },
  cancelInstalmentPlan: { input: PlanCancellation, output: created, access: write },

  amnesties: { input: nothing, output: z.array(AmnestyView), access: read },
  previewAmnesty: { input: AmnestyFields, output: AmnestyOutcome, access: approve },
  /** The amnesty, then its lines in batches: it answers once the amnesty is written (as above). */
  grantAmnesty: { input: AmnestyFields, output: AmnestyGranted, access: approve },
  /** Writes the lines an interrupted grant left unwritten (none twice). */
  completeAmnesty: { input: LineWritingRecord, output: AmnestyGranted, access: approve },

  /** How far an amnesty's or a tariff version's lines are written. */
  lineWritingProgress: { input: LineWritingRecord, output: LineWritingProgress, access: read },
  /** Stops the writing between two batches; what is written stays, and completing writes the rest. */
  stopLineWriting: { input: LineWritingRecord, output: LineWritingProgress, access: approve },

  /** An inspector's visit, saved offline like any record; it changes nothing until approved. */
  recordInspection: { input: InspectionFields, output: created, access: write },
  inspections: { input: InspectionQuery, output: z.array(InspectionLine), access: read },
  decideInspection: { input: InspectionDecision, output: InspectionDecided, access: approve },
})
