import type { Payload } from 'payload'

import type { User } from '@payload-types'
import type { Role } from '@/access/roles'

export type Staff = {
  admin: User
  editor: User
  /** A second 责任编辑, to sign 初审 of what the first one wrote. */
  otherEditor: User
  journalist: User
  otherJournalist: User
  deskHead: User
  chiefEditor: User
  proofreader: User
}

export const STAFF_PASSWORD = 'correct-horse-battery-staple'

/** The desk every test account belongs to (its 部门主任: `deskHead`). */
export const TEST_DESK = '测试部'

/** One account per role, plus a second journalist to prove one cannot reach another's work, all on the test desk. */
export async function createStaff(payload: Payload): Promise<Staff> {
  const byline = await payload.create({ collection: 'bylines', data: { name: '测试记者', kind: 'staff' } })
  const desk = await payload.create({ collection: 'desks', data: { name: TEST_DESK } })
  const make = (email: string, name: string, roles: Role[], extra: Partial<User> = {}) =>
    payload.create({ collection: 'users', data: { email, name, roles, desks: [desk.id], password: STAFF_PASSWORD, ...extra } })
  return {
    admin: await make('admin@test.local', '管理员', ['admin']),
    editor: await make('editor@test.local', '编辑', ['editor']),
    otherEditor: await make('editor2@test.local', '另一位编辑', ['editor']),
    journalist: await make('journalist@test.local', '记者', ['journalist'], { byline: byline.id }),
    otherJournalist: await make('other@test.local', '另一位记者', ['journalist']),
    deskHead: await make('desk@test.local', '部门主任', ['deskHead']),
    chiefEditor: await make('chief@test.local', '总编辑', ['chiefEditor']),
    proofreader: await make('proof@test.local', '校对', ['proofreader']),
  }
}
