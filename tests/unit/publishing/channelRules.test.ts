import { type ChannelRules, channelTakes } from '@/publishing/channelRules'

const rules = (sources: Partial<ChannelRules>): ChannelRules => ({ id: 1, slug: 'c', name: '频道', position: 0, desks: [], columns: [], tags: [], regions: [], ...sources })
const filing = { desk: 7, column: 3, tags: [11, 12], regionsWithAncestors: [40, 4, 1] }

describe('which channels take an article in', () => {
  it('takes it in by any one of its desk, column, tags or regions', () => {
    expect(channelTakes(rules({ desks: [7] }), filing)).toBe(true)
    expect(channelTakes(rules({ columns: [3] }), filing)).toBe(true)
    expect(channelTakes(rules({ tags: [99, 12] }), filing)).toBe(true)
    expect(channelTakes(rules({ regions: [4] }), filing)).toBe(true)
  })

  it('leaves it out when nothing matches, or when the channel has no sources', () => {
    expect(channelTakes(rules({ desks: [8], columns: [2], tags: [13], regions: [41] }), filing)).toBe(false)
    expect(channelTakes(rules({}), filing)).toBe(false)
  })

  it('matches ids whether the engine gives numbers or strings', () => {
    expect(channelTakes(rules({ tags: ['11'] }), filing)).toBe(true)
    expect(channelTakes(rules({ desks: [7] }), { ...filing, desk: '7' })).toBe(true)
  })

  it('takes nothing in for an article with no desk or column', () => {
    expect(channelTakes(rules({ desks: [7], columns: [3] }), { desk: null, column: null, tags: [], regionsWithAncestors: [] })).toBe(false)
  })
})
