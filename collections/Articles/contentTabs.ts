import type { Field } from 'payload'

import { allowedField, staffOnlyField } from '@/access/rules'
import { ARTICLE_TYPE_KEYS, ARTICLE_TYPES } from '@/newsroom/articleLength'
import { BYLINE_ROLE_KEYS, BYLINE_ROLES } from '@/newsroom/bylines'
import { withLexicalTreeChecks } from '@/security/lexicalTreeField'
import { label, option } from '@collections/shared/labels'
import { articleBodyEditor, articleBodyRules, refuseUnsafeLinks, validateArticleBody } from './body'
import { stripDeckDash } from './hooks/stripDeckDash'
import { ownBylineFirst } from './ownByline'
import { workflowOwned } from './serverOwnedFields'
import { outletField } from './outletField'
import { bylinesAreDistinct, installmentNeedsColumn } from './validation'

/** What the desk writes and edits, tab by tab: headlines and body, column and bylines, photos, print placement, corrections, history. */
export const articleContentTabs: Field = {
    type: 'tabs',
    tabs: [
      {
        label: label('标题与正文', 'Headline and body'),
        fields: [
          { name: 'kicker', type: 'text', label: label('引题', 'Kicker'), admin: { description: label('印在主题上方的肩题。', 'Printed above the headline.') } },
          { name: 'title', type: 'text', required: true, label: label('主题', 'Headline') },
          {
            name: 'webTitle',
            type: 'text',
            label: label('网题', 'Web headline'),
            admin: {
              components: { Cell: '/src/admin/components/WebTitleCell#WebTitleCell' },
              description: label('网站、订阅源和分享用的标题；留空则用报题（引题、主题、副题）。', 'Used on the site, feeds and shares; defaults to the print headline.'),
            },
          },
          {
            name: 'subtitle',
            type: 'text',
            label: label('副题', 'Deck'),
            hooks: { beforeValidate: [stripDeckDash] },
            admin: { description: label('不必输入开头的破折号“——”，显示时自动加上。', 'The leading dash is added when shown.') },
          },
          { name: 'summary', type: 'textarea', label: label('导语', 'Standfirst') },
          withLexicalTreeChecks(
            { name: 'body', type: 'richText', editor: articleBodyEditor, validate: validateArticleBody, hooks: { beforeValidate: [refuseUnsafeLinks] }, label: label('正文', 'Body') },
            articleBodyRules,
          ),
          {
            // Counted in the browser as the journalist types, by the rule the server stores as characterCount.
            name: 'bodyLength',
            type: 'ui',
            label: label('正文字数', 'Body length'),
            admin: { components: { Field: '/src/admin/components/ArticleLengthField#ArticleLengthField' } },
          },
        ],
      },
      {
        label: label('专栏与署名', 'Column and bylines'),
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'column', type: 'relationship', relationTo: 'columns', label: label('所属专栏', 'Column') },
              {
                name: 'articleType',
                type: 'select',
                defaultValue: 'news',
                label: label('稿件类型', 'Type'),
                options: ARTICLE_TYPE_KEYS.map((type) => option(type, ARTICLE_TYPES[type].zh, ARTICLE_TYPES[type].en)),
              },
            ],
          },
          {
            name: 'installment',
            type: 'group',
            label: label('专栏期号', 'Installment'),
            fields: [
              {
                type: 'row',
                fields: [
                  { name: 'number', type: 'number', min: 1, label: label('期号', 'Number'), validate: installmentNeedsColumn },
                  { name: 'partName', type: 'text', label: label('分篇名', 'Part name'), admin: { placeholder: '科技篇 / 新化篇' } },
                  { name: 'subSeries', type: 'text', label: label('子系列', 'Sub-series'), admin: { placeholder: '桂阳“新答卷”' } },
                ],
              },
            ],
          },
          {
            name: 'bylines',
            type: 'array',
            label: label('署名', 'Bylines'),
            labels: { singular: label('署名', 'Byline'), plural: label('署名', 'Bylines') },
            admin: { description: label('按见报顺序排列。', 'In print order.') },
            defaultValue: ownBylineFirst,
            validate: bylinesAreDistinct,
            fields: [
              {
                type: 'row',
                fields: [
                  { name: 'byline', type: 'relationship', relationTo: 'bylines', required: true, label: label('作者', 'Byline') },
                  {
                    name: 'role',
                    type: 'select',
                    required: true,
                    defaultValue: 'byline',
                    label: label('角色', 'Role'),
                    options: BYLINE_ROLE_KEYS.map((role) => option(role, BYLINE_ROLES[role].zh, BYLINE_ROLES[role].en)),
                  },
                ],
              },
            ],
          },
          {
            name: 'bylinePosition',
            type: 'select',
            defaultValue: 'header',
            label: label('署名位置', 'Byline position'),
            options: [option('header', '标题下方', 'Under the headline'), option('trailing', '文末括注（简讯）', 'At the end, in brackets')],
          },
          outletField,
        ],
      },
      {
        label: label('图片与分类', 'Photos and taxonomy'),
        fields: [
          { name: 'leadPhoto', type: 'upload', relationTo: 'photos', label: label('主图', 'Lead photo') },
          { name: 'photos', type: 'upload', relationTo: 'photos', hasMany: true, label: label('更多图片', 'More photos') },
          { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, label: label('标签', 'Tags') },
          { name: 'regions', type: 'relationship', relationTo: 'regions', hasMany: true, label: label('地区', 'Regions') },
        ],
      },
      {
        label: label('见报与分享', 'Print and sharing'),
        fields: [
          {
            name: 'print',
            type: 'group',
            label: label('见报版面', 'Print placement'),
            fields: [
              {
                type: 'row',
                fields: [
                  {
                    name: 'editionDate',
                    type: 'date',
                    label: label('见报日期', 'Edition date'),
                    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年MM月dd日' } },
                  },
                  { name: 'pageNumber', type: 'number', min: 1, label: label('版次', 'Page number') },
                  { name: 'pageName', type: 'text', label: label('版名', 'Page name'), admin: { placeholder: '城市新闻' } },
                ],
              },
            ],
          },
          {
            name: 'seo',
            type: 'group',
            label: label('搜索与分享', 'SEO and sharing'),
            fields: [
              { name: 'title', type: 'text', label: label('分享标题', 'SEO title'), admin: { description: label('留空则用主题。', 'Defaults to the headline.') } },
              { name: 'description', type: 'textarea', label: label('分享摘要', 'SEO description'), admin: { description: label('留空则用导语。', 'Defaults to the standfirst.') } },
              { name: 'image', type: 'upload', relationTo: 'photos', label: label('分享图片', 'Share image'), admin: { description: label('留空则用主图。', 'Defaults to the lead photo.') } },
            ],
          },
        ],
      },
      {
        label: label('更正与撤稿', 'Corrections'),
        fields: [
          {
            name: 'corrections',
            type: 'array',
            label: label('更正', 'Corrections'),
            labels: { singular: label('更正', 'Correction'), plural: label('更正', 'Corrections') },
            access: { create: allowedField('manageArticles'), update: allowedField('manageArticles') },
            admin: { description: label('更正说明会连同日期显示在读者页面的文末。添加后请点“发布修改”。', 'Shown with its date at the end of the public article.') },
            fields: [
              {
                name: 'correctedAt',
                type: 'date',
                required: true,
                defaultValue: () => new Date().toISOString(),
                label: label('更正日期', 'Date'),
                admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' } },
              },
              { name: 'note', type: 'textarea', required: true, label: label('更正说明', 'Correction') },
            ],
          },
          {
            name: 'retraction',
            type: 'group',
            label: label('撤稿声明', 'Retraction'),
            access: workflowOwned,
            admin: {
              readOnly: true,
              description: label('由“撤稿”操作填写：撤稿后读者页面只显示标题和这段说明。', 'Filled in by the retract action.'),
            },
            fields: [
              { name: 'retractedAt', type: 'date', label: label('撤稿时间', 'Retracted at'), admin: { date: { displayFormat: 'yyyy年MM月dd日 HH:mm' } } },
              { name: 'notice', type: 'textarea', label: label('撤稿说明', 'Notice') },
            ],
          },
        ],
      },
      {
        label: label('流程记录与批注', 'History and comments'),
        fields: [
          {
            name: 'workflowHistory',
            type: 'join',
            collection: 'workflow-events',
            on: 'article',
            label: label('流程记录', 'Workflow history'),
            access: { read: staffOnlyField },
            admin: { defaultColumns: ['createdAt', 'action', 'from', 'to', 'actor', 'note'], allowCreate: false },
          },
          {
            name: 'editorialComments',
            type: 'join',
            collection: 'editorial-comments',
            on: 'article',
            label: label('编辑部批注（仅内部可见）', 'Editorial comments (staff only)'),
            access: { read: staffOnlyField },
            admin: { defaultColumns: ['body', 'author', 'replyTo', 'createdAt'] },
          },
        ],
      },
    ],
}
