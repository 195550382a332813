import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import type { WorkflowAction } from '@/newsroom/workflow'
import { relationId } from '@/data/relationId'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { publishThroughChain, signRemainingLevels, transitionAs } from '../../helpers/workflow'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let staff: Staff
let published: Article
let journalistDraft: Article
let otherDraft: Article

const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const anonymous = { overrideAccess: false }

const act = (user: User, id: number | string, action: WorkflowAction, note?: string) => transitionAs(payload, user, { id, action, note })

const internalLinkTo = (id: number | string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{
      type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '',
      children: [{
        type: 'link', format: '', indent: 0, version: 3, direction: 'ltr',
        fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: id } },
        children: [{ type: 'text', text: '相关报道', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      }],
    }],
  },
})

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  const column = await payload.create({ collection: 'columns', data: { name: '测试专栏', responsibleEditors: [staff.editor.id] } as never })
  journalistDraft = await payload.create({ collection: 'articles', data: { title: '记者自己的草稿' } as never, draft: true, ...as(staff.journalist) })
  otherDraft = await payload.create({ collection: 'articles', data: { title: '另一位记者的草稿秘密' } as never, draft: true, ...as(staff.otherJournalist) })
  await payload.create({
    collection: 'articles',
    data: { title: '署了记者名的编辑稿', bylines: [{ byline: staff.journalist.byline, role: 'byline' }] } as never,
    draft: true,
    ...as(staff.editor),
  })
  const draft = await payload.create({
    collection: 'articles',
    data: { title: '将发布的报道', column: column.id, body: internalLinkTo(otherDraft.id), bylines: [{ byline: staff.journalist.byline, role: 'byline' }] } as never,
    draft: true,
    ...as(staff.editor),
  })
  await act(staff.editor, draft.id, 'submit')
  await signRemainingLevels(payload, staff, draft.id)
  published = await act(staff.editor, draft.id, 'publish')
  await payload.create({ collection: 'editorial-comments', data: { article: published.id, body: '内部批注：数据待核' }, ...as(staff.editor) })
})

describe('anonymous readers through the Local API with overrideAccess: false', () => {
  it('see only published articles, even when asking for drafts', async () => {
    const { docs } = await payload.find({ collection: 'articles', draft: true, ...anonymous })
    expect(docs.map((doc) => doc.title)).toEqual(['将发布的报道'])
  })

  it('cannot open a draft by id', async () => {
    await expect(payload.findByID({ collection: 'articles', id: otherDraft.id, draft: true, ...anonymous })).rejects.toThrow()
  })

  it('never see version history, workflow history, internal comments or user accounts', async () => {
    await expect(payload.findVersions({ collection: 'articles', ...anonymous })).rejects.toThrow()
    await expect(payload.find({ collection: 'workflow-events', ...anonymous })).rejects.toThrow()
    await expect(payload.find({ collection: 'editorial-comments', ...anonymous })).rejects.toThrow()
    await expect(payload.find({ collection: 'users', ...anonymous })).rejects.toThrow()
  })

  it('get a published article without its owner, workflow data, history, comments, or the draft it links to', async () => {
    const doc = await payload.findByID({ collection: 'articles', id: published.id, depth: 3, ...anonymous })
    const json = JSON.stringify(doc)
    for (const hidden of ['owner', 'workflowState', 'workflowHistory', 'editorialComments', 'sourceKey', 'needsReview', 'creditedBylines']) {
      expect(doc).not.toHaveProperty(hidden)
    }
    expect(json).not.toContain('另一位记者的草稿秘密')
    expect(json).not.toContain('@test.local')
    expect(json).not.toContain('内部批注')
    expect(json).not.toContain('responsibleEditors')
  })
})

describe('a journalist', () => {
  it('reads published articles, their own drafts and drafts carrying their byline, and no one else’s', async () => {
    const { docs } = await payload.find({ collection: 'articles', draft: true, limit: 50, ...as(staff.journalist) })
    const titles = docs.map((doc) => doc.title)
    expect(titles).toEqual(expect.arrayContaining(['将发布的报道', '记者自己的草稿', '署了记者名的编辑稿']))
    expect(titles).not.toContain('另一位记者的草稿秘密')
  })

  it('gains a draft when an editor credits them on it and loses it when the credit is removed', async () => {
    const colleague = await payload.create({ collection: 'bylines', data: { name: '同事署名', kind: 'staff' } as never })
    const draft = await payload.create({ collection: 'articles', data: { title: '后加署名的编辑稿' } as never, draft: true, ...as(staff.editor) })
    const readable = async () => {
      const { docs } = await payload.find({ collection: 'articles', draft: true, limit: 100, where: { id: { equals: draft.id } }, ...as(staff.journalist) })
      return docs.length === 1
    }
    expect(await readable()).toBe(false)
    await payload.update({ collection: 'articles', id: draft.id, draft: true, data: { bylines: [{ byline: colleague.id, role: 'reporter' }, { byline: staff.journalist.byline, role: 'reporter' }] } as never, ...as(staff.editor) })
    expect(await readable()).toBe(true)
    await expect(payload.findByID({ collection: 'articles', id: draft.id, draft: true, ...as(staff.journalist) })).resolves.toMatchObject({ title: '后加署名的编辑稿' })
    await payload.update({ collection: 'articles', id: draft.id, draft: true, data: { bylines: [{ byline: colleague.id, role: 'reporter' }] } as never, ...as(staff.editor) })
    expect(await readable()).toBe(false)
    await expect(payload.findByID({ collection: 'articles', id: draft.id, draft: true, ...as(staff.journalist) })).rejects.toThrow()
    const latest = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, depth: 0 })
    expect(latest.bylines?.map((entry) => entry.byline)).toEqual([colleague.id])
  })

  it('opens a draft of a published article that credits them, while readers keep the published credits', async () => {
    const colleague = await payload.create({ collection: 'bylines', data: { name: '原稿署名', kind: 'staff' } as never })
    const draft = await payload.create({ collection: 'articles', data: { title: '已发布后改署名', bylines: [{ byline: colleague.id, role: 'reporter' }] } as never, draft: true, ...as(staff.editor) })
    await publishThroughChain(payload, staff, draft.id)
    await payload.update({
      collection: 'articles',
      id: draft.id,
      draft: true,
      data: { bylines: [{ byline: colleague.id, role: 'reporter' }, { byline: staff.journalist.byline, role: 'reporter' }] } as never,
      ...as(staff.editor),
    })
    const opened = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, depth: 0, ...as(staff.journalist) })
    expect(opened.bylines).toHaveLength(2)
    const publicCopy = await payload.findByID({ collection: 'articles', id: draft.id, depth: 0, ...anonymous })
    expect(publicCopy.title).toBe('已发布后改署名')
    expect(publicCopy.bylines?.map((entry) => entry.byline)).toEqual([colleague.id])
  })

  it('cannot write the derived list of credited bylines: it always follows the bylines', async () => {
    const own = `,${relationId(staff.journalist.byline)},`
    const created = await payload.create({
      collection: 'articles',
      data: { title: '自填署名索引', bylines: [{ byline: staff.journalist.byline, role: 'reporter' }], creditedBylines: ',999999,' } as never,
      draft: true,
      ...as(staff.journalist),
    })
    expect((await payload.findByID({ collection: 'articles', id: created.id, draft: true })).creditedBylines).toBe(own)
    await payload.update({ collection: 'articles', id: created.id, draft: true, data: { creditedBylines: ',999999,' } as never, ...as(staff.journalist) })
    expect((await payload.findByID({ collection: 'articles', id: created.id, draft: true })).creditedBylines).toBe(own)
  })

  it('cannot edit another journalist’s draft or a published article', async () => {
    await expect(payload.update({ collection: 'articles', id: otherDraft.id, draft: true, data: { title: 'x' }, ...as(staff.journalist) })).rejects.toThrow()
    await expect(payload.update({ collection: 'articles', id: published.id, draft: true, data: { title: 'x' }, ...as(staff.journalist) })).rejects.toThrow()
  })

  it('cannot delete anything published', async () => {
    await expect(payload.delete({ collection: 'articles', id: published.id, ...as(staff.journalist) })).rejects.toThrow()
  })

  it('cannot publish by sending _status in a create or an update', async () => {
    await expect(payload.create({ collection: 'articles', data: { title: '偷发', _status: 'published' } as never, ...as(staff.journalist) })).rejects.toThrow(
      '新稿件须先保存为草稿',
    )
    await expect(
      payload.update({ collection: 'articles', id: journalistDraft.id, data: { _status: 'published' }, ...as(staff.journalist) }),
    ).rejects.toThrow(/只有编辑（责任编辑）、部门主任、总编辑 \/ 值班总编、管理员可以发布稿件/)
  })

  it('cannot publish by restoring a published version', async () => {
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: published.id }, 'version._status': { equals: 'published' } }, limit: 1 })
    await expect(payload.restoreVersion({ collection: 'articles', id: docs[0].id, ...as(staff.journalist) })).rejects.toThrow()
  })

  it('uploads photos, creates tags and proposes bylines (pending an editor), but cannot touch columns or regions', async () => {
    await expect(payload.create({ collection: 'tags', data: { name: '记者新建标签' }, ...as(staff.journalist) })).resolves.toBeTruthy()
    const image = await renderPlaceholderPhoto('journalist-upload')
    const photo = await payload.create({
      collection: 'photos',
      data: { alt: '记者上传的照片' },
      file: { data: image, mimetype: 'image/png', name: 'upload.png', size: image.length },
      ...as(staff.journalist),
    })
    expect(photo.sizes?.thumbnail?.width).toBe(400)
    await expect(payload.update({ collection: 'photos', id: photo.id, data: { alt: '改' }, ...as(staff.journalist) })).rejects.toThrow()
    await expect(payload.create({ collection: 'columns', data: { name: '记者专栏' } as never, ...as(staff.journalist) })).rejects.toThrow()
    await expect(payload.create({ collection: 'bylines', data: { name: '记者加的署名', kind: 'staff' }, ...as(staff.journalist) })).resolves.toMatchObject({ status: 'pending' })
    await expect(payload.create({ collection: 'regions', data: { name: '记者加的地区', kind: 'city' }, ...as(staff.journalist) })).rejects.toThrow()
  })

  it('cannot change their own roles', async () => {
    const updated = await payload.update({ collection: 'users', id: staff.journalist.id, data: { roles: ['admin'] }, ...as(staff.journalist) })
    expect(updated.roles).toEqual(['journalist'])
  })

  it('cannot read another journalist’s versions', async () => {
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: otherDraft.id } }, ...as(staff.journalist) })
    expect(docs).toHaveLength(0)
  })
})

describe('an editor', () => {
  it('manages content but not user accounts', async () => {
    await expect(payload.create({ collection: 'columns', data: { name: '编辑新建专栏' } as never, ...as(staff.editor) })).resolves.toBeTruthy()
    await expect(payload.create({ collection: 'users', data: { email: 'x@test.local', name: 'x', roles: ['admin'], password: 'long-enough-password' }, ...as(staff.editor) })).rejects.toThrow()
    const journalist = await payload.update({ collection: 'users', id: staff.journalist.id, data: { roles: ['editor'] }, ...as(staff.editor) }).catch(() => null)
    expect(journalist?.roles ?? ['journalist']).toEqual(['journalist'])
  })

  it('reads internal comments and the workflow history', async () => {
    const comments = await payload.find({ collection: 'editorial-comments', ...as(staff.editor) })
    expect(comments.docs.map((comment) => comment.body)).toContain('内部批注：数据待核')
    const history = await payload.find({ collection: 'workflow-events', where: { article: { equals: published.id } }, ...as(staff.editor) })
    expect(history.docs.map((event) => event.action)).toEqual(expect.arrayContaining(['submit', 'sign', 'publish']))
  })

  it('cannot forge history', async () => {
    await expect(
      payload.create({ collection: 'workflow-events', data: { article: published.id, action: 'publish', from: 'draft', to: 'published' }, ...as(staff.editor) }),
    ).rejects.toThrow()
  })
})

describe('an admin', () => {
  it('creates accounts and gives them several roles', async () => {
    const created = await payload.create({
      collection: 'users',
      data: { email: 'new@test.local', name: '新人', roles: ['journalist'], password: 'long-enough-password' },
      ...as(staff.admin),
    })
    const promoted = await payload.update({ collection: 'users', id: created.id, data: { roles: ['editor', 'proofreader'] }, ...as(staff.admin) })
    expect(promoted.roles).toEqual(['editor', 'proofreader'])
  })
})
