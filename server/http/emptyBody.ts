import { z } from 'zod'

/** The body of a POST that takes no input: none at all (Fastify gives null), or `{}`. */
export const EmptyBody = z.object({}).strict().nullish()
