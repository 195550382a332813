import { OWN_OUTLET, outletLine, outletOf, syndicatedOutletOf } from '@/newsroom/outlet'

describe('the 来源 of an article', () => {
  it('prints as sites do, `来源：新华社`, and nothing when none is set', () => {
    expect(outletLine({ outlet: '新华社' })).toBe('来源：新华社')
    expect(outletLine({ outlet: OWN_OUTLET })).toBe('来源：本报')
    expect(outletLine({ outlet: null })).toBeNull()
    expect(outletLine({})).toBeNull()
    expect(outletLine({ outlet: '   ' })).toBeNull()
  })

  it('counts as someone else’s copy only when it names another organisation', () => {
    expect(syndicatedOutletOf({ outlet: ' 中国新闻社 ' })).toBe('中国新闻社')
    expect(syndicatedOutletOf({ outlet: '本报' })).toBeNull()
    expect(syndicatedOutletOf({ outlet: null })).toBeNull()
    expect(outletOf({ outlet: ' 人民日报' })).toBe('人民日报')
  })
})
