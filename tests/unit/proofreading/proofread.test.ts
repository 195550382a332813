import { describe, expect, it } from '@jest/globals'

import { proofread } from '@/proofreading/proofread'

describe('checking headlines', () => {
  it('finds a full stop at the end of a headline, and not at the end of the body', () => {
    const { findings } = proofread({ fields: { title: '邵阳市商务工作再上新台阶。', body: '邵阳市商务工作再上新台阶。' } })
    expect(findings.map((finding) => [finding.field, finding.text, finding.suggestion])).toEqual([['title', '。', '']])
  })
})
