import { isDemoMode, resolvePayloadSecret } from '@/config/environment'

describe('demo mode', () => {
  it('is on only for the demo start on the embedded database', () => {
    expect(isDemoMode({ NEWSROOM_DEMO: '1' })).toBe(true)
    expect(isDemoMode({ NEWSROOM_DEMO: '1', DATABASE_URI: 'mongodb://mongo/newsroom' })).toBe(false)
    expect(isDemoMode({ NEWSROOM_DEMO: '1', DATABASE_URI: 'file:/srv/newsroom.db' })).toBe(false)
    expect(isDemoMode({})).toBe(false)
  })
})

describe('resolvePayloadSecret', () => {
  it('uses the configured secret', () => {
    expect(resolvePayloadSecret({ PAYLOAD_SECRET: ' s3cret-value ' })).toBe('s3cret-value')
  })

  it('refuses to run a real deployment without a secret, saying so in Chinese', () => {
    expect(() => resolvePayloadSecret({ DATABASE_URI: 'mongodb://mongo/newsroom' })).toThrow(/PAYLOAD_SECRET 未设置/)
  })
})
