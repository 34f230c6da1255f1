import { encodeHlc } from '../../domain/time/hlc'

/** The HLC of what the server writes itself (seed data, conflict records). */
export const serverHlc = (now: Date): string =>
  encodeHlc({ wallMs: now.getTime(), counter: 0, deviceId: 'server' })
