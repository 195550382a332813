import type { CollectionConfig, RelationshipFieldValidation } from 'payload'
import { relationship } from 'payload/shared'

import { staffOnlyField } from '@/access/rules'
import { label } from '@collections/shared/labels'
import { slugField } from '@collections/shared/slugField'
import { channelsAccess } from './access'
import { expireChannelPagesAfterChange, expireChannelPagesAfterDelete } from './hooks/expireChannelPages'

/** The four kinds of source that feed a channel, in the order the form shows them. */
export const CHANNEL_SOURCES = ['desks', 'columns', 'tags', 'regions'] as const

/** A channel that nothing feeds would be an empty page in the site's navigation. */
const someSource: RelationshipFieldValidation = (value, options) => {
  const channel = (options.siblingData ?? options.data) as Record<string, unknown[] | null | undefined>
  if (!CHANNEL_SOURCES.some((source) => (channel[source]?.length ?? 0) > 0)) return '请至少选择一个来源部门、专栏、标签或地区，否则频道没有稿件'
  return relationship(value, options)
}

/**
 * A channel (频道: 要闻, 时政, 经济, 市州 …) of the reader site: a page at /channels/<slug> listing
 * every published article from any of its desks, columns, tags or regions (a region takes in the
 * places beneath it), and a link in the site's navigation in the order editors give.
 */
export const Channels: CollectionConfig = {
  slug: 'channels',
  labels: { singular: label('频道', 'Channel'), plural: label('频道', 'Channels') },
  access: channelsAccess,
  defaultSort: 'position',
  hooks: { afterChange: [expireChannelPagesAfterChange], afterDelete: [expireChannelPagesAfterDelete] },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'position', 'inNavigation', 'slug'],
    group: label('网站', 'Site'),
    description: label('读者网站的频道：导航栏按排序显示，频道页列出所选部门、专栏、标签、地区的已发布稿件。', 'Reader-site channels.'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 12, label: label('频道名称', 'Name') },
    slugField('channels', 'name', 40),
    {
      type: 'row',
      fields: [
        {
          name: 'position',
          type: 'number',
          required: true,
          defaultValue: 10,
          min: 0,
          max: 999,
          index: true,
          label: label('排序', 'Order'),
          admin: { description: label('数字小的排在导航栏前面', 'Smaller comes first') },
        },
        { name: 'inNavigation', type: 'checkbox', defaultValue: true, label: label('在导航栏显示', 'In navigation') },
      ],
    },
    { name: 'description', type: 'textarea', maxLength: 200, label: label('频道介绍', 'Description') },
    {
      type: 'collapsible',
      label: label('稿件来源（满足任一项即归入本频道）', 'Sources (any one)'),
      fields: [
        {
          name: 'desks',
          type: 'relationship',
          relationTo: 'desks',
          hasMany: true,
          label: label('部门', 'Desks'),
          // Which desk wrote what is the newsroom's own business: readers see the channel, not its rules.
          access: { read: staffOnlyField },
          validate: someSource,
        },
        { name: 'columns', type: 'relationship', relationTo: 'columns', hasMany: true, label: label('专栏', 'Columns') },
        { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, label: label('标签', 'Tags') },
        {
          name: 'regions',
          type: 'relationship',
          relationTo: 'regions',
          hasMany: true,
          label: label('地区（含下级地区）', 'Regions (with places beneath)'),
        },
      ],
    },
  ],
}
