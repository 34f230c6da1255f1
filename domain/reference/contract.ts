import { z } from 'zod'
import { signedIn } from '../auth/access'
import { defineCalls } from '../contract'
import { TerritorialUnit } from './territorialUnits'

export const referenceCalls = defineCalls({
  territorialUnits: { input: z.object({}).strict(), output: z.array(TerritorialUnit), access: signedIn },
})
