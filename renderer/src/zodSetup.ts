// Imported first by the renderer entry: zod must not compile validators with `new Function`
// under our CSP (script-src 'self'), and the domain's message keys must be configured before any
// schema is used.
import { z } from 'zod'
import '../../domain/validation'

z.config({ jitless: true })
