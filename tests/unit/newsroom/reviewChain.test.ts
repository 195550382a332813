import { describe, expect, it } from '@jest/globals'

import { contentHash, DEFAULT_CHAIN, pendingLevel, type ReviewLevel, requiredLevels, type SignAttempt, signRefusal } from '@/newsroom/reviewChain'

const attempt = (overrides: Partial<SignAttempt>): SignAttempt => ({
  level: 'first',
  required: requiredLevels(DEFAULT_CHAIN, 'news'),
  signedThisRound: new Set(),
  holdsLevel: true,
  headsArticleDesk: true,
  isAuthor: false,
  ownLevels: new Set(),
  holders: '总编辑 / 值班总编',
  ...overrides,
})

describe('the levels an article needs', () => {
  it('are 初审, 复审, 校对 and 终审 by default, in that order', () => {
    expect(requiredLevels(DEFAULT_CHAIN, 'news')).toEqual(['first', 'second', 'proofreading', 'final'])
  })

  it('let a brief skip 复审 only where the desk allows it', () => {
    expect(requiredLevels(DEFAULT_CHAIN, 'brief')).toContain('second')
    expect(requiredLevels({ ...DEFAULT_CHAIN, briefsSkipSecond: true }, 'brief')).toEqual(['first', 'proofreading', 'final'])
    expect(requiredLevels({ ...DEFAULT_CHAIN, briefsSkipSecond: true }, 'news')).toContain('second')
  })

  it('always end with 终审, whatever a desk turns off', () => {
    expect(requiredLevels({ first: false, second: false, proofreading: false, briefsSkipSecond: false }, 'news')).toEqual(['final'])
  })

  it('wait for the first level not yet signed this round', () => {
    const required = requiredLevels(DEFAULT_CHAIN, 'news')
    expect(pendingLevel(required, new Set<ReviewLevel>())).toBe('first')
    expect(pendingLevel(required, new Set<ReviewLevel>(['first', 'second']))).toBe('proofreading')
    expect(pendingLevel(required, new Set<ReviewLevel>(['first', 'second', 'proofreading', 'final']))).toBeNull()
  })
})

describe('a signature', () => {
  it('is taken when every lower level is signed and the signer may sign', () => {
    expect(signRefusal(attempt({ level: 'final', signedThisRound: new Set(['first', 'second', 'proofreading']) }))).toBeNull()
  })

  it('waits for every lower required level, naming the ones missing', () => {
    expect(signRefusal(attempt({ level: 'final', signedThisRound: new Set(['first']) }))?.message).toBe('须先完成复审、校对，才能终审')
  })

  it('is refused for a level the chain does not have, or one signed already this round', () => {
    const required = requiredLevels({ ...DEFAULT_CHAIN, proofreading: false }, 'news')
    expect(signRefusal(attempt({ level: 'proofreading', required }))?.message).toBe('本稿件的审稿流程不含校对')
    expect(signRefusal(attempt({ level: 'first', signedThisRound: new Set(['first']) }))?.message).toBe('本轮初审已经签过')
  })

  it('needs the level’s role, and for 复审 the article’s own desk', () => {
    expect(signRefusal(attempt({ level: 'final', signedThisRound: new Set(['first', 'second', 'proofreading']), holdsLevel: false }))?.message).toBe('您没有终审签字权限（总编辑 / 值班总编签终审）')
    expect(signRefusal(attempt({ level: 'second', signedThisRound: new Set(['first']), headsArticleDesk: false }))?.message).toBe('复审须由稿件所属部门的部门主任签字')
  })

  it('is never the author’s, nor a second level by the same person', () => {
    expect(signRefusal(attempt({ isAuthor: true }))?.message).toBe('稿件的作者和署名记者不能审签自己的稿件')
    expect(signRefusal(attempt({ level: 'second', signedThisRound: new Set(['first']), ownLevels: new Set(['first']) }))?.message).toBe('您已签过本稿件的初审，同一人不能签两级')
    // The same level again, in a later round, is the same person's own level.
    expect(signRefusal(attempt({ ownLevels: new Set(['first']) }))).toBeNull()
  })

  it('says whether the article is not at that level (409) or the person may not sign it (403)', () => {
    expect(signRefusal(attempt({ level: 'final', signedThisRound: new Set(['first']) }))?.reason).toBe('wrongState')
    expect(signRefusal(attempt({ level: 'first', signedThisRound: new Set(['first']) }))?.reason).toBe('wrongState')
    expect(signRefusal(attempt({ holdsLevel: false }))?.reason).toBe('notAllowed')
    expect(signRefusal(attempt({ level: 'second', signedThisRound: new Set(['first']), headsArticleDesk: false }))?.reason).toBe('notAllowed')
    expect(signRefusal(attempt({ isAuthor: true }))?.reason).toBe('notAllowed')
    expect(signRefusal(attempt({ level: 'second', signedThisRound: new Set(['first']), ownLevels: new Set(['first']) }))?.reason).toBe('notAllowed')
  })
})

describe('the fingerprint of the signed text', () => {
  const article = {
    title: '主题',
    kicker: '',
    body: { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: '正文第一段。' }] }] } },
    bylines: [{ id: 'row-1', byline: { id: 7, name: '张三' }, role: 'staffReporter' }],
    tags: [{ id: 3, name: '民生' }],
    workflowState: 'pendingFinal',
    updatedAt: '2026-12-06T01:00:00.000Z',
  }

  it('is the same for the same content from the database or from a save', () => {
    const fromSave = { ...article, kicker: null, bylines: [{ byline: 7, role: 'staffReporter' }], tags: [3], workflowState: 'signed', updatedAt: 'later' }
    expect(contentHash(fromSave)).toBe(contentHash(article))
  })

  it('changes with one character of the text, a byline or a tag', () => {
    const base = contentHash(article)
    const body = JSON.parse(JSON.stringify(article.body))
    body.root.children[0].children[0].text = '正文第一段!'
    expect(contentHash({ ...article, body })).not.toBe(base)
    expect(contentHash({ ...article, bylines: [{ byline: 8, role: 'staffReporter' }] })).not.toBe(base)
    expect(contentHash({ ...article, tags: [3, 4] })).not.toBe(base)
    expect(contentHash({ ...article, title: '主题。' })).not.toBe(base)
  })
})
