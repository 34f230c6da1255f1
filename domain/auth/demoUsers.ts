import type { Department, Role } from './roles'

export interface DemoUser {
  /** Fixed, so the central server and a PC seeded alone agree on who made the demo data. */
  id: string
  username: string
  password: string
  fullName: string
  role: Role
  departments: Department[]
  mustChangePassword: boolean
}

/** The first-run accounts, listed in README.md. The administrator must choose a new password. */
export const demoUsers: readonly DemoUser[] = [
  {
    id: '0190a3c0-0000-7000-8000-0000000000a1',
    username: 'admin',
    password: 'Rustavi-Admin-2026',
    fullName: 'ლევან ბერიძე',
    role: 'itAdmin',
    departments: [],
    mustChangePassword: true,
  },
  {
    id: '0190a3c0-0000-7000-8000-0000000000c1',
    username: 'clerk',
    password: 'Rustavi-Clerk-2026',
    fullName: 'ნინო კაპანაძე',
    role: 'clerk',
    departments: ['property', 'sanitation'],
    mustChangePassword: false,
  },
  {
    id: '0190a3c0-0000-7000-8000-0000000000d1',
    username: 'head',
    password: 'Rustavi-Head-2026',
    fullName: 'გიორგი მამულაშვილი',
    role: 'head',
    departments: ['property', 'sanitation'],
    mustChangePassword: false,
  },
  {
    id: '0190a3c0-0000-7000-8000-0000000000e1',
    username: 'auditor',
    password: 'Rustavi-Auditor-2026',
    fullName: 'თამარ ლომიძე',
    role: 'auditor',
    departments: ['property', 'sanitation'],
    mustChangePassword: false,
  },
]
