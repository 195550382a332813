import type { CollectionConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { editorialCommentsAccess } from './access'
import { stampCommentAuthor } from './hooks/stampCommentAuthor'
import { articleTheAuthorMayRead } from './validation'

export const EditorialComments: CollectionConfig = {
  slug: 'editorial-comments',
  labels: { singular: label('编辑部批注', 'Editorial comment'), plural: label('编辑部批注', 'Editorial comments') },
  access: editorialCommentsAccess,
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['article', 'body', 'author', 'createdAt'],
    group: label('内容', 'Content'),
    description: label('仅编辑部可见，不会出现在任何公开页面或接口中。', 'Staff only; never in any public output.'),
  },
  defaultSort: 'createdAt',
  hooks: { beforeChange: [stampCommentAuthor] },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: label('稿件', 'Article'),
      validate: articleTheAuthorMayRead,
    },
    {
      name: 'replyTo',
      type: 'relationship',
      relationTo: 'editorial-comments',
      label: label('回复', 'Reply to'),
      filterOptions: ({ data }) => (data?.article ? { article: { equals: data.article } } : true),
    },
    { name: 'body', type: 'textarea', required: true, label: label('批注内容', 'Comment') },
    { name: 'author', type: 'relationship', relationTo: 'users', label: label('作者', 'Author'), admin: { readOnly: true } },
  ],
}
