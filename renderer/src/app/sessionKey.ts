/** The query holding the signed-in user (or null); the whole app hangs off it. */
export const sessionKey = ['auth', 'session'] as const
