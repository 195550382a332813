import { chooseDatabase, DEFAULT_SQLITE_FILE } from '@/database/adapter'

describe('chooseDatabase', () => {
  it('uses the embedded SQLite file under ./data when DATABASE_URI is unset or blank', () => {
    for (const uri of [undefined, '', '   ']) {
      expect(chooseDatabase(uri)).toEqual({ engine: 'sqlite', url: `file:${DEFAULT_SQLITE_FILE}`, embeddedDefault: true })
    }
    expect(DEFAULT_SQLITE_FILE.endsWith('/data/newsroom.db')).toBe(true)
  })

  it('uses MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(chooseDatabase('mongodb://mongo:27017/newsroom?replicaSet=rs0')).toMatchObject({ engine: 'mongodb' })
    expect(chooseDatabase('mongodb+srv://user:pw@cluster.example/newsroom')).toMatchObject({ engine: 'mongodb' })
  })

  it('uses SQLite at an explicit file: URI', () => {
    expect(chooseDatabase('file:/tmp/x.db')).toEqual({ engine: 'sqlite', url: 'file:/tmp/x.db', embeddedDefault: false })
  })

  it('refuses other schemes with a clear message that hides credentials', () => {
    expect(() => chooseDatabase('postgres://admin:hunter2@db/newsroom')).toThrow(/DATABASE_URI 无法识别/)
    expect(() => chooseDatabase('postgres://admin:hunter2@db/newsroom')).not.toThrow(/hunter2/)
  })
})
