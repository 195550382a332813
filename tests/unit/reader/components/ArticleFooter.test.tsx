import { afterEach, describe, expect, it } from '@jest/globals'
import { renderToStaticMarkup } from 'react-dom/server'

import type { Article } from '@payload-types'
import { ArticleFooter } from '@/reader/components/ArticleFooter'

const article = (fields: Partial<Article>) => ({ id: 1, title: '稿件', tags: [], regions: [], bylines: [], ...fields }) as Article
const signers = { first: '李初审', second: '王复审', final: '赵终审' }

describe('ArticleFooter', () => {
  afterEach(() => {
    delete process.env.SITE_REVIEW_SIGNERS
  })

  it('closes the article with its 责任编辑: the 初审 signer', () => {
    expect(renderToStaticMarkup(<ArticleFooter article={article({ reviewSigners: signers })} />)).toContain('<p class="article__editor">（责任编辑：李初审）</p>')
  })

  it('prints the 责任编辑 an editor set instead of the 初审 signer', () => {
    const html = renderToStaticMarkup(<ArticleFooter article={article({ reviewSigners: signers, responsibleEditor: '周编辑' })} />)
    expect(html).toContain('（责任编辑：周编辑）')
    expect(html).not.toContain('李初审')
  })

  it('prints no 责任编辑 line for an article nobody signed, inventing no name', () => {
    expect(renderToStaticMarkup(<ArticleFooter article={article({})} />)).not.toContain('责任编辑')
  })

  it('prints the three signers only when the site asks for it', () => {
    expect(renderToStaticMarkup(<ArticleFooter article={article({ reviewSigners: signers })} />)).not.toContain('终审')
    process.env.SITE_REVIEW_SIGNERS = 'on'
    expect(renderToStaticMarkup(<ArticleFooter article={article({ reviewSigners: signers })} />)).toContain('<p class="article__signers">初审：李初审　复审：王复审　终审：赵终审</p>')
  })
})
