import type { Block, Field, GlobalConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { readerPaths } from '@/publishing/urls'
import { frontPageAccess } from './access'
import { expireFrontPage } from './hooks/expireFrontPage'

/** Only what readers can see is offered: a draft picked here would leave a hole on the front page. */
const publishedArticles = () => ({ _status: { equals: 'published' } })

const pickedArticles = (name: string, zh: string, en: string, maxRows: number, description: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'articles',
  hasMany: true,
  maxRows,
  label: label(zh, en),
  filterOptions: publishedArticles,
  admin: { description: label(description, en), isSortable: true },
})

const blockSize = (defaultValue: number): Field => ({
  name: 'count',
  type: 'number',
  required: true,
  defaultValue,
  min: 2,
  max: 12,
  label: label('显示篇数', 'Articles shown'),
})

const SECTION_BLOCKS: Block[] = [
  {
    slug: 'channelBlock',
    labels: { singular: label('频道版块', 'Channel block'), plural: label('频道版块', 'Channel blocks') },
    fields: [{ name: 'channel', type: 'relationship', relationTo: 'channels', required: true, label: label('频道', 'Channel') }, blockSize(6)],
  },
  {
    slug: 'columnBlock',
    labels: { singular: label('专栏版块', 'Column block'), plural: label('专栏版块', 'Column blocks') },
    fields: [{ name: 'column', type: 'relationship', relationTo: 'columns', required: true, label: label('专栏', 'Column') }, blockSize(3)],
  },
  {
    slug: 'mostReadBlock',
    labels: { singular: label('热点排行', 'Most read'), plural: label('热点排行', 'Most read') },
    fields: [],
  },
  {
    slug: 'topicsBlock',
    labels: { singular: label('专题', 'Topics'), plural: label('专题', 'Topics') },
    fields: [
      { name: 'title', type: 'text', required: true, defaultValue: '专题', maxLength: 12, label: label('版块标题', 'Title') },
      {
        name: 'topics',
        type: 'array',
        required: true,
        minRows: 1,
        maxRows: 8,
        label: label('专题', 'Topics'),
        labels: { singular: label('专题', 'Topic'), plural: label('专题', 'Topics') },
        fields: [
          { name: 'tag', type: 'relationship', relationTo: 'tags', required: true, label: label('专题标签', 'Tag') },
          { name: 'title', type: 'text', maxLength: 30, label: label('显示名称', 'Shown as'), admin: { description: label('留空则用标签名', 'The tag’s name when empty') } },
        ],
      },
    ],
  },
  {
    slug: 'regionsBlock',
    labels: { singular: label('地区导航', 'Regions'), plural: label('地区导航', 'Regions') },
    fields: [],
  },
]

/**
 * 首页版面: the front page as editors lay it out (头条, 焦点图, 置顶, then blocks in their order),
 * arranged as a draft, looked at in the preview, then published. Anything left empty falls back to
 * what the front page shows by itself: the newest 头条, the newest stories with photographs, a
 * block per channel in the navigation's order and per active column.
 */
export const FrontPage: GlobalConfig = {
  slug: 'front-page',
  label: label('首页版面', 'Front page'),
  access: frontPageAccess,
  versions: { max: 30, drafts: true },
  hooks: { afterChange: [expireFrontPage] },
  admin: {
    group: label('网站', 'Site'),
    description: label('编排读者网站首页：保存草稿后可在“实时预览”中查看，发布后读者可见。留空的部分按发布时间自动排列。', 'Lay out the front page.'),
    preview: () => readerPaths.frontPagePreview(),
    livePreview: {
      url: () => readerPaths.frontPagePreview(),
      breakpoints: [
        { name: 'phone', label: '手机', width: 390, height: 844 },
        { name: 'desktop', label: '桌面', width: 1280, height: 800 },
      ],
    },
  },
  fields: [
    {
      name: 'lead',
      type: 'relationship',
      relationTo: 'articles',
      label: label('头条', 'Lead story'),
      filterOptions: publishedArticles,
      admin: { description: label('留空则用最新标为头条的稿件，没有则用最新稿件', 'Newest marked lead when empty') },
    },
    pickedArticles('focus', '焦点图', 'Photo row', 6, '有照片的稿件，按此顺序排成一行；留空则取最新的有图稿件'),
    pickedArticles('pinned', '置顶', 'Pinned', 6, '按此顺序排在“最新报道”最前面'),
    {
      name: 'sections',
      type: 'blocks',
      maxRows: 30,
      label: label('版块（按此顺序排列）', 'Blocks, in order'),
      labels: { singular: label('版块', 'Block'), plural: label('版块', 'Blocks') },
      blocks: SECTION_BLOCKS,
      admin: { description: label('留空则按导航栏顺序显示各频道，再显示正在更新的专栏', 'Channels then active columns when empty') },
    },
  ],
}
