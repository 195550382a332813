import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { can, PERMISSIONS, rolesWith } from '@/access/permissions'
import { ROLES, rolesOf } from '@/access/roles'

const staff = (...roles: string[]) => ({ id: 1, roles, collection: 'users' })

describe('the permission table', () => {
  it('names only known roles, each permission with a Chinese name', () => {
    for (const [name, { zh, roles }] of Object.entries(PERMISSIONS)) {
      expect([name, roles.every((role) => (ROLES as readonly string[]).includes(role))]).toEqual([name, true])
      expect(zh).toMatch(/\p{Script=Han}/u)
    }
  })

  it('gives a person holding several roles what any of them may do', () => {
    expect(can(staff('journalist'), 'readAllArticles')).toBe(false)
    expect(can(staff('proofreader'), 'publishArticles')).toBe(false)
    expect(can(staff('journalist', 'proofreader'), 'readAllArticles')).toBe(true)
    expect(can(staff('proofreader', 'chiefEditor'), 'publishArticles')).toBe(true)
  })

  it('gives readers, unknown roles and other auth collections nothing', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(null, permission)).toBe(false)
      expect(can(staff('intern'), permission)).toBe(false)
      expect(can({ id: 1, roles: ['admin'], collection: 'subscribers' }, permission)).toBe(false)
    }
    expect(rolesOf(staff('intern', 'editor'))).toEqual(['editor'])
  })

  it('keeps account management with the administrators alone', () => {
    expect(ROLES.filter((role) => can(staff(role), 'manageAccounts'))).toEqual(['admin'])
    expect(ROLES.filter((role) => can(staff(role), 'manageDesks'))).toEqual(['admin'])
  })

  it('says in Chinese who holds a permission', () => {
    expect(rolesWith('manageAccounts')).toBe('管理员')
    expect(rolesWith('importPages')).toBe('编辑（责任编辑）、部门主任、总编辑 / 值班总编、管理员')
  })
})

/** Every .ts/.tsx file under a folder. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name))
}

describe('who may do what is decided only by the table', () => {
  it('has no code outside src/access read a user’s roles', () => {
    const files = ['src', 'collections', 'app'].flatMap(sourceFiles).filter((file) => !file.startsWith(`src${path.sep}access${path.sep}`))
    // Reading the roles (user.roles, rolesOf(user), role === 'editor') decides outside the table.
    const deciding = files.filter((file) => new RegExp(`\\brolesOf\\(|\\.roles\\b(?!\\s*:)|\\broles?\\s*[!=]==\\s*'(${ROLES.join('|')})'|\\broleOf\\(`).test(fs.readFileSync(file, 'utf8')))
    expect(deciding).toEqual([])
  })
})
