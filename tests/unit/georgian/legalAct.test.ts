import { describe, expect, it } from 'vitest'
import { citeLegalAct, LegalActRef } from '../../../domain/georgian'

describe('citeLegalAct', () => {
  it('cites a resolution as Georgian officials write it', () => {
    expect(citeLegalAct({ date: '2019-12-20', number: '158', kind: 'resolution' })).toBe(
      '2019 წლის 20 დეკემბრის №158 დადგენილება',
    )
  })

  it('uses the genitive month and no leading zero in the day', () => {
    expect(citeLegalAct({ date: '2024-01-05', number: '12', kind: 'decree' }, 'ka')).toBe(
      '2024 წლის 5 იანვრის №12 განკარგულება',
    )
    expect(citeLegalAct({ date: '2023-02-01', number: '01-45', kind: 'order' }, 'ka')).toBe(
      '2023 წლის 1 თებერვლის №01-45 ბრძანება',
    )
  })

  it('cites in English', () => {
    expect(citeLegalAct({ date: '2019-12-20', number: '158', kind: 'resolution' }, 'en')).toBe(
      'Resolution No. 158 of 20 December 2019',
    )
    expect(citeLegalAct({ date: '2024-01-05', number: '12', kind: 'decree' }, 'en')).toBe(
      'Decree No. 12 of 5 January 2024',
    )
    expect(citeLegalAct({ date: '2024-01-05', number: '7', kind: 'order' }, 'en')).toBe(
      'Order No. 7 of 5 January 2024',
    )
  })

  it('does not print the number sign twice', () => {
    expect(citeLegalAct({ date: '2019-12-20', number: '№158', kind: 'resolution' })).toBe(
      '2019 წლის 20 დეკემბრის №158 დადგენილება',
    )
    expect(citeLegalAct({ date: '2019-12-20', number: 'No. 158', kind: 'resolution' }, 'en')).toBe(
      'Resolution No. 158 of 20 December 2019',
    )
  })

  it('validates the reference', () => {
    expect(LegalActRef.safeParse({ date: '2019-02-30', number: '1', kind: 'order' }).success).toBe(false)
    expect(
      LegalActRef.safeParse({ date: '2019-12-20', number: ' ', kind: 'order' }).error?.issues[0]?.message,
    ).toBe('georgian.legalAct.numberRequired')
    expect(LegalActRef.safeParse({ date: '2019-12-20', number: '1', kind: 'law' }).success).toBe(false)
  })
})
