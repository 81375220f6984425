import { describe, expect, test } from 'vitest'
import { dueState, vendorCountsByEngagement } from '#app/engagements/overview.ts'

describe('an engagement against its due date', () => {
  const now = new Date('2026-12-03T23:30:00Z')
  test('says how many days are left, that it is due today, how late it is, or that it has no date', () => {
    expect(dueState('2026-12-13', now).label).toBe('Due in 10 days')
    expect(dueState('2026-12-04', now).label).toBe('Due in 1 day')
    expect(dueState('2026-12-03', now).label).toBe('Due today')
    expect(dueState('2026-12-02', now)).toEqual({ kind: 'overdue', days: 1, label: 'Overdue by 1 day' })
    expect(dueState('2026-11-03', now).label).toBe('Overdue by 30 days')
    expect(dueState(null, now).label).toBe('No due date')
    expect(dueState('not a date', now).label).toBe('No due date')
  })
})

describe('vendor counts of the engagements list', () => {
  test('fold the grouped rows into counts by status (lifecycle order) and by verdict (not assessed last)', () => {
    const counts = vendorCountsByEngagement([
      { engagementId: 'a', status: 'submitted', verdict: 'reject', count: 1 },
      { engagementId: 'a', status: 'submitted', verdict: 'approve', count: 2 },
      { engagementId: 'a', status: 'invited', verdict: null, count: 3 },
      { engagementId: 'a', status: 'expired', verdict: null, count: 1 },
      { engagementId: 'b', status: 'revoked', verdict: null, count: 1 },
    ])
    expect(counts.get('a')).toEqual({
      total: 7,
      byStatus: [
        { status: 'invited', label: 'Invited', count: 3 },
        { status: 'submitted', label: 'Submitted', count: 3 },
        { status: 'expired', label: 'Link expired', count: 1 },
      ],
      byVerdict: [
        { verdict: 'approve', label: 'Approve', count: 2 },
        { verdict: 'reject', label: 'Reject', count: 1 },
        { verdict: 'none', label: 'Not assessed', count: 4 },
      ],
    })
    expect(counts.get('b')?.total).toBe(1)
    expect(counts.get('c')).toBeUndefined()
  })
})
