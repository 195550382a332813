import path from 'node:path'

import { chooseDatabase, DEFAULT_SQLITE_FILE } from '@/database/adapter'
import { locateLiveData, MONGODB_REFUSAL, sqliteFileFromUrl } from '@/backup/databaseLocation'

describe('where the backup commands find the live data', () => {
  it('names the same embedded database file as the server', () => {
    for (const uri of [undefined, '', '  ']) expect(locateLiveData(uri, '/srv/media')).toEqual({ engine: 'sqlite', databaseFile: DEFAULT_SQLITE_FILE, mediaDir: '/srv/media' })
  })

  it('agrees with chooseDatabase on which engine a DATABASE_URI selects', () => {
    const uris = [undefined, 'mongodb://mongo:27017/newsroom?replicaSet=rs0', 'mongodb+srv://user:pw@cluster.example/newsroom', 'file:/tmp/x.db', 'file:relative/x.db']
    for (const uri of uris) expect(locateLiveData(uri).engine).toBe(chooseDatabase(uri).engine)
    expect(() => locateLiveData('postgres://db/newsroom')).toThrow(/DATABASE_URI 无法识别/)
  })

  it('reads the file of every form of file: URL that libsql accepts', () => {
    expect(sqliteFileFromUrl('file:/srv/data/newsroom.db')).toBe('/srv/data/newsroom.db')
    expect(sqliteFileFromUrl('file:///srv/data/newsroom.db')).toBe('/srv/data/newsroom.db')
    expect(sqliteFileFromUrl('file://localhost/srv/data/newsroom.db')).toBe('/srv/data/newsroom.db')
    expect(sqliteFileFromUrl('file:data/newsroom.db', '/app')).toBe(path.join('/app', 'data', 'newsroom.db'))
    expect(sqliteFileFromUrl('file:/srv/my%20data/newsroom.db?foo=1')).toBe('/srv/my data/newsroom.db')
    expect(() => sqliteFileFromUrl('file://otherhost/newsroom.db')).toThrow(/不是有效的 SQLite 文件地址/)
    expect(() => sqliteFileFromUrl('file:')).toThrow(/不是有效的 SQLite 文件地址/)
  })

  it('sends MongoDB users to mongodump and mongorestore, with the media volume', () => {
    expect(locateLiveData('mongodb://mongo:27017/newsroom')).toEqual({ engine: 'mongodb' })
    expect(MONGODB_REFUSAL).toContain('mongodump --uri "$DATABASE_URI" --archive=newsroom.archive --gzip')
    expect(MONGODB_REFUSAL).toContain('mongorestore --uri "$DATABASE_URI" --archive=newsroom.archive --gzip --drop')
    expect(MONGODB_REFUSAL).toContain('media')
  })
})
