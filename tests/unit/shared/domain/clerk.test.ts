import { describe, expect, it } from 'vitest'
import { CLERK_ROLES, roleAtLeast } from '../../../../src/shared/domain/clerk'

describe('roleAtLeast', () => {
  it('orders roles operator < supervisor < administrator', () => {
    expect(roleAtLeast('operator', 'operator')).toBe(true)
    expect(roleAtLeast('operator', 'supervisor')).toBe(false)
    expect(roleAtLeast('supervisor', 'administrator')).toBe(false)
    expect(roleAtLeast('administrator', 'supervisor')).toBe(true)
    for (const role of CLERK_ROLES) expect(roleAtLeast('administrator', role)).toBe(true)
  })
})
