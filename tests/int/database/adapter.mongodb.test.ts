/**
 * No MongoDB server runs here, so this proves the choice without connecting: the config
 * built with a mongodb:// DATABASE_URI carries Payload's mongoose adapter.
 */
describe('database selection from DATABASE_URI', () => {
  it('configures MongoDB (the mongoose adapter) for a mongodb:// URI', async () => {
    process.env.DATABASE_URI = 'mongodb://127.0.0.1:27017/newsroom?replicaSet=rs0'
    const { default: config } = await import('@payload-config')
    const sanitized = await config
    expect(sanitized.db.name).toBe('mongoose')
    expect(sanitized.db.defaultIDType).toBe('text')
  })
})
