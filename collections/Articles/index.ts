import type { CollectionConfig, Field } from 'payload'

import { allowedField, nobodyField, staffOnlyField } from '@/access/rules'
import { deskIdsOf } from '@/access/roles'
import { label, option } from '@collections/shared/labels'
import { readerPaths } from '@/publishing/urls'
import { slugField } from '@collections/shared/slugField'
import { sourceKeyField } from '@collections/shared/sourceKeyField'
import { reviewLevelOptions, workflowStateOptions } from '@collections/shared/workflowStateOptions'
import { articlesAccess } from './access'
import { discardUntouchedEndpoint } from './endpoints/discardUntouched'
import { lastChangeEndpoint } from './endpoints/lastChange'
import { proofreadingActionEndpoint, proofreadingEndpoint } from './endpoints/proofreading'
import { reviewSheetEndpoint, versionDiffEndpoint } from './endpoints/reviewRecords'
import { runSchedulesEndpoint } from './endpoints/runSchedules'
import { workflowOptionsEndpoint, workflowTransitionEndpoint } from './endpoints/workflow'
import { articleHooks } from './articleHooks'
import { articleContentTabs } from './contentTabs'
import { returnNoteField } from './returnNoteField'
import { reviewFields } from './reviewFields'
import { publicStatusField } from './publicStatusField'
import { internalWorkflowOwned, workflowOwned } from './serverOwnedFields'

/** A time only editors set, kept from readers, picked in Beijing time. */
function editorialTime(name: string, fieldLabel: Record<string, string>, description: Record<string, string>): Field {
  return {
    name,
    type: 'date',
    index: true,
    label: fieldLabel,
    access: { read: staffOnlyField, update: allowedField('manageArticles'), create: allowedField('manageArticles') },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' }, description },
  }
}

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: label('稿件', 'Article'), plural: label('稿件', 'Articles') },
  access: articlesAccess,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'webTitle', 'workflowState', 'column', 'articleType', 'characterCount', 'needsReview', 'publishedAt', 'viewCounts'],
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
      views: {
        edit: {
          versions: { Component: '/src/admin/components/ArticleVersionsView#ArticleVersionsView' },
          reviewSheet: { Component: '/src/admin/components/ReviewSheetView#ReviewSheetView', path: '/review-sheet', tab: { label: '审稿单', href: '/review-sheet', order: 150 } },
          revisions: { Component: '/src/admin/components/RevisionHistoryView#RevisionHistoryView', path: '/revisions', tab: { label: '修改留痕', href: '/revisions', order: 160 } },
        },
      },
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
  // Every reader list counts and pages through the published, unretracted articles, newest
  // first (the front page counts them all on each render): on SQLite at 10,000 articles the
  // count read every row, 30 ms with the event loop held, and takes 0.3 ms with this index.
  indexes: [{ fields: ['_status', 'retraction.retractedAt', 'publishedAt'] }],
  hooks: articleHooks,
  endpoints: [runSchedulesEndpoint, workflowOptionsEndpoint, workflowTransitionEndpoint, lastChangeEndpoint, discardUntouchedEndpoint, reviewSheetEndpoint, versionDiffEndpoint, proofreadingEndpoint, proofreadingActionEndpoint],
  fields: [
    returnNoteField,
    {
      name: 'editSafeguards',
      type: 'ui',
      label: label('编辑提示', 'Editing notices'),
      admin: { disableListColumn: true, components: { Field: '/src/admin/components/EditSafeguards#EditSafeguards' } },
    },
    articleContentTabs,
    {
      name: 'workflowPanel',
      type: 'ui', label: label('流程操作', 'Workflow'),
      admin: { position: 'sidebar', components: { Field: '/src/admin/components/WorkflowPanel#WorkflowPanel' } },
    },
    {
      name: 'proofreadingPanel',
      type: 'ui',
      label: label('校对', 'Proofreading'),
      admin: { position: 'sidebar', disableListColumn: true, components: { Field: '/src/admin/components/ProofreadingPanel#ProofreadingPanel' } },
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
      // Each submission starts a round of the 三审 chain; a signature counts in its own round only.
      name: 'reviewRound',
      type: 'number',
      defaultValue: 0,
      label: label('审稿轮次', 'Review round'),
      access: internalWorkflowOwned,
      admin: { hidden: true },
    },
    {
      name: 'returnedAtLevel',
      type: 'select',
      label: label('退回于', 'Returned at'),
      options: reviewLevelOptions,
      access: internalWorkflowOwned,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => data?.workflowState === 'returned' && Boolean(data?.returnedAtLevel) },
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
    editorialTime('unpublishAt', label('自动下线时间', 'Unpublish at'), label('可选：到时自动下线（回到“已签发”）。', 'Optional: taken offline automatically.')),
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: label('稿件所有人', 'Owner'),
      access: internalWorkflowOwned,
      admin: { position: 'sidebar', readOnly: true },
    },
    ...reviewFields,
    {
      name: 'desk',
      type: 'relationship',
      relationTo: 'desks',
      index: true,
      label: label('部门', 'Desk'),
      access: { read: staffOnlyField },
      // Copy is filed where its writer works: the writer's first desk, changed here when it is not.
      defaultValue: ({ user }: { user?: { desks?: unknown } | null }) => deskIdsOf(user)[0],
      admin: { position: 'sidebar', description: label('稿件所属部门，决定由哪位部门主任复审。', 'Whose desk head reviews it (复审).') },
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
      access: { create: allowedField('manageArticles'), update: allowedField('manageArticles') },
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
      // Counted by the reader site's view counter (阅读量), shown to editors in the list only: no data of its own, no read for anyone else.
      name: 'viewCounts',
      type: 'ui',
      label: label('阅读量（7天/累计）', 'Views (7 days / all)'),
      admin: { components: { Cell: '/src/admin/components/ArticleViewsCell#ArticleViewsCell' } },
    },
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
