import { Role } from '../../domain/auth/roles'
import type { AdminDevice, AdminUser, EnrolmentCode } from '../../domain/sync/contract'
import { knownDepartments } from '../auth/serverUser'
import type { devices, enrolmentCodes, users } from '../db/schema'

// Rows as IT's screens see them (the shapes of domain/sync/contract.ts). No hashes leave the server.

export function toAdminUser(row: typeof users.$inferSelect): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: Role.parse(row.role),
    departments: knownDepartments(row.departments),
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  }
}

export function toAdminDevice(row: typeof devices.$inferSelect): AdminDevice {
  return {
    id: row.id,
    name: row.name,
    enrolledAt: row.enrolledAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    appVersion: row.appVersion,
    clockOffsetMs: row.clockOffsetMs,
    pendingChanges: row.pendingChanges,
    revoked: row.revokedAt !== null,
  }
}

export function toEnrolmentCode(
  row: typeof enrolmentCodes.$inferSelect,
  createdByUsername: string | null,
): EnrolmentCode {
  return {
    code: row.code,
    createdBy: createdByUsername ?? 'system',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedByDevice: row.usedByDevice,
  }
}
