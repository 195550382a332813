import type { CollectionConfig, Field } from 'payload'

import { editorsOnlyField, nobodyField, staffOnlyField } from '../../src/access/rules'
import { ARTICLE_TYPE_KEYS, ARTICLE_TYPES } from '../../src/newsroom/articleLength'
import { BYLINE_ROLE_KEYS, BYLINE_ROLES } from '../../src/newsroom/bylines'
import { label, option } from '../shared/labels'
import { readerPaths } from '../../src/reader/urls'
import { slugField } from '../shared/slugField'
import { sourceKeyField } from '../shared/sourceKeyField'
import { workflowStateOptions } from '../shared/workflowStateOptions'
import { articlesAccess } from './access'
import { withLexicalTreeChecks } from '../../src/security/lexicalTreeField'
import { articleBodyEditor, articleBodyRules, refuseUnsafeLinks, validateArticleBody } from './body'
import { discardUntouchedEndpoint } from './endpoints/discardUntouched'
import { lastChangeEndpoint } from './endpoints/lastChange'
import { runSchedulesEndpoint } from './endpoints/runSchedules'
import { workflowOptionsEndpoint, workflowTransitionEndpoint } from './endpoints/workflow'
import { articleHooks } from './articleHooks'
import { returnNoteField } from './returnNoteField'
import { stripDeckDash } from './hooks/stripDeckDash'
import { publicStatusField } from './publicStatusField'
import { ownBylineFirst } from './ownByline'
import { internalWorkflowOwned, workflowOwned } from './serverOwnedFields'
import { bylinesAreDistinct, installmentNeedsColumn } from './validation'

/** A time only editors set, kept from readers, picked in Beijing time. */
function editorialTime(name: string, fieldLabel: Record<string, string>, description: Record<string, string>): Field {
  return {
    name,
    type: 'date',
    index: true,
    label: fieldLabel,
    access: { read: staffOnlyField, update: editorsOnlyField, create: editorsOnlyField },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' }, description },
  }
}

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: label('稿件', 'Article'), plural: label('稿件', 'Articles') },
  access: articlesAccess,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'webTitle', 'workflowState', 'column', 'articleType', 'characterCount', 'needsReview', 'publishedAt'],
    // The list reads only its columns instead of whole articles with their bodies: about a
    // third of each page's time (bench: npm run bench -- --only admin).
    enableListViewSelectAPI: true,
    listSearchableFields: ['title', 'webTitle', 'kicker', 'subtitle', 'slug'],
    components: {
      edit: {
        PublishButton: '/src/admin/components/WorkflowPublishButton#WorkflowPublishButton',
        UnpublishButton: '/src/admin/components/NoUnpublishButton#NoUnpublishButton',
        beforeDocumentControls: ['/src/admin/components/PublishedDeletionWarning#PublishedDeletionWarning'],
        Status: '/src/admin/components/WorkflowStatus#WorkflowStatus',
      },
      views: { edit: { versions: { Component: '/src/admin/components/ArticleVersionsView#ArticleVersionsView' } } },
    },
    group: label('内容', 'Content'),
    // Relative URLs resolve against the admin's own origin, so previews work behind any host name.
    preview: (doc) => (doc?.id ? readerPaths.preview(String(doc.id)) : null),
    livePreview: {
      url: ({ data }) => (data?.id ? readerPaths.preview(String(data.id)) : null),
      breakpoints: [
        { name: 'phone', label: '手机', width: 390, height: 844 },
        { name: 'desktop', label: '桌面', width: 1280, height: 800 },
      ],
    },
  },
  defaultSort: '-publishedAt',
  // A bulk edit or bulk publish cannot say which version of each article it was based on
  // (hooks/requireBaseVersion), so the list view does not offer it and the API refuses it.
  disableBulkEdit: true,
  versions: {
    maxPerDoc: 50,
    // Autosave every few seconds, not every keystroke: very short intervals release
    // Payload's document lock between saves and let two editors overwrite each other.
    drafts: { autosave: { interval: 3000 } },
  },
  hooks: articleHooks,
  endpoints: [runSchedulesEndpoint, workflowOptionsEndpoint, workflowTransitionEndpoint, lastChangeEndpoint, discardUntouchedEndpoint],
  fields: [
    returnNoteField,
    {
      name: 'editSafeguards',
      type: 'ui',
      label: label('编辑提示', 'Editing notices'),
      admin: { disableListColumn: true, components: { Field: '/src/admin/components/EditSafeguards#EditSafeguards' } },
    },
    {
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
              access: { create: editorsOnlyField, update: editorsOnlyField },
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
    },
    {
      name: 'workflowPanel',
      type: 'ui', label: label('流程操作', 'Workflow'),
      admin: { position: 'sidebar', components: { Field: '/src/admin/components/WorkflowPanel#WorkflowPanel' } },
    },
    {
      name: 'workflowState',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      label: label('流程状态', 'Workflow state'),
      options: workflowStateOptions,
      access: internalWorkflowOwned,
      admin: { position: 'sidebar', readOnly: true, description: label('只能通过上方的流程操作改变。', 'Changed only by workflow actions.') },
    },
    {
      name: 'scheduledFor',
      type: 'date',
      index: true,
      label: label('计划发布时间', 'Scheduled for'),
      access: internalWorkflowOwned,
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' },
        description: label('由“排期发布”“改期”设置；到时自动发布。', 'Set by scheduling; published automatically when due.'),
      },
    },
    {
      name: 'publishedLateBy',
      type: 'number',
      label: label('晚于计划发布（秒）', 'Published late by (s)'),
      access: internalWorkflowOwned,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.publishedLateBy) },
    },
    editorialTime('embargoUntil', label('禁发截止时间', 'Embargo until'), label('此时间之前稿件的任何内容都不会公开，也不能签发或排期。', 'Nothing of it is public before this time.')),
    editorialTime('unpublishAt', label('自动下线时间', 'Unpublish at'), label('可选：到时自动下线（回到“已审”）。', 'Optional: taken offline automatically.')),
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: label('稿件所有人', 'Owner'),
      access: internalWorkflowOwned,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // Derived from the bylines by recordCreditedBylines for access rules to test without a join.
      name: 'creditedBylines',
      type: 'text', label: label('署名作者（自动）', 'Credited bylines (derived)'),
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      // Derived by recordUsedPhotos: which photos are public is decided from the published rows' value.
      name: 'usedPhotos',
      type: 'text', label: label('使用的图片（自动）', 'Used photos (derived)'),
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      name: 'headline',
      type: 'checkbox',
      index: true,
      defaultValue: false,
      label: label('头条', 'Lead story'),
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: {
        position: 'sidebar',
        description: label('首页以最新一篇设为头条的已发布稿件作头条；没有时用最新稿件。', 'The home page leads with the newest published article marked as lead.'),
      },
    },
    slugField('articles', 'title'),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      timezone: { override: ({ baseField }) => ({ ...baseField, label: label('发布时间时区', 'Published at time zone') }) },
      label: label('发布时间', 'Published at'),
      access: workflowOwned,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' },
        description: label('首次发布时自动填写。', 'Filled in on first publication.'),
      },
    },
    sourceKeyField,
    {
      name: 'characterCount',
      type: 'number',
      label: label('字数', 'Character count'),
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      // The form shows the live count under the body (bodyLength); the list shows this stored one.
      admin: { readOnly: true, condition: () => false, components: { Cell: '/src/admin/components/ArticleLengthCell#ArticleLengthCell' } },
    },
    {
      name: 'needsReview',
      type: 'checkbox',
      index: true,
      defaultValue: false,
      label: label('待编辑处理', 'Needs an editor'),
      access: { read: staffOnlyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewFlags',
      type: 'array',
      label: label('待核事项', 'Review flags'),
      labels: { singular: label('待核事项', 'Review flag'), plural: label('待核事项', 'Review flags') },
      access: { read: staffOnlyField },
      admin: {
        position: 'sidebar',
        description: label('导入或整理时发现的不确定之处（跳版、串文、残篇等），由编辑核实处理。', 'Uncertainties found while importing: jumps, interleaving, fragments.'),
      },
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: label('类型', 'Kind'),
          options: [
            option('jump', '跳版/断文', 'Jump or gap'),
            option('interleaved', '串文', 'Interleaved text'),
            option('fragment', '残篇（标题在他版）', 'Fragment'),
            option('misplacedHeadline', '标题错位', 'Misplaced headline'),
            option('uncertainOrder', '段落位置待核', 'Uncertain order'),
            option('other', '其他', 'Other'),
          ],
        },
        { name: 'note', type: 'textarea', required: true, label: label('说明', 'Note') },
        { name: 'resolved', type: 'checkbox', defaultValue: false, label: label('已处理', 'Resolved') },
      ],
    },
    publicStatusField,
  ],
}
