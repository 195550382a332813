import {
  atRiskProblems,
  cadenceProblems,
  clashProblems,
  numberGapProblems,
  type PlannedInstallment,
  renumberPlan,
} from '@/newsroom/planning'

const NOW = new Date('2030-03-01T02:00:00.000Z')
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString()
const column = { id: 1, name: '善治天心' }
const installment = (id: number, plannedFor: string, articleState: string | null = null, number = id): PlannedInstallment => ({
  id,
  column,
  number,
  plannedFor,
  articleState,
})

describe('planning problems', () => {
  it('flags an installment due within 24 hours without a signed article', () => {
    const problems = atRiskProblems([installment(1, hours(5)), installment(2, hours(6), 'pendingFinal'), installment(3, hours(7), 'signed')], NOW)
    expect(problems.map((problem) => (problem.kind === 'atRisk' ? problem.installmentId : null))).toEqual([1, 2])
    expect(problems[0].message).toContain('尚未关联稿件')
    expect(problems[1].message).toContain('稿件尚未签发')
  })

  it('does not flag what is more than a day away or already past', () => {
    expect(atRiskProblems([installment(1, hours(25)), installment(2, hours(-1))], NOW)).toEqual([])
  })

  it('flags two installments of one column on the same Beijing day', () => {
    const problems = clashProblems([installment(1, '2030-03-02T01:00:00.000Z'), installment(2, '2030-03-02T15:00:00.000Z'), installment(3, '2030-03-02T17:00:00.000Z')])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ kind: 'clash', installmentIds: [1, 2] })
  })

  it('flags a weekly column with nothing planned in the coming week, and not an irregular one', () => {
    const columns = [
      { id: 1, name: '善治天心', cadence: 'weekly' as const, active: true },
      { id: 2, name: '不定期专栏', cadence: 'irregular' as const, active: true },
      { id: 3, name: '停刊专栏', cadence: 'daily' as const, active: false },
    ]
    expect(cadenceProblems(columns, [], NOW).map((problem) => (problem.kind === 'cadenceGap' ? problem.columnId : null))).toEqual([1])
    expect(cadenceProblems(columns, [installment(1, hours(24 * 6))], NOW)).toEqual([])
  })

  it('names the missing numbers of a column', () => {
    expect(numberGapProblems(1, '善治天心', [1, 2, 5])[0].message).toContain('缺少第 3、4 期')
    expect(numberGapProblems(1, '善治天心', [3, 4, 5])).toEqual([])
  })
})

describe('renumberPlan', () => {
  it('closes planned numbers up behind the last printed one, leaving printed numbers alone', () => {
    const changes = renumberPlan([1, 2], [
      { id: 'a', number: 4, plannedFor: hours(1) },
      { id: 'b', number: 6, plannedFor: hours(2) },
    ])
    expect(changes).toEqual([
      { id: 'a', from: 4, to: 3 },
      { id: 'b', from: 6, to: 4 },
    ])
  })

  it('changes nothing when there is no gap', () => {
    expect(renumberPlan([1], [{ id: 'a', number: 2, plannedFor: hours(1) }])).toEqual([])
  })
})
