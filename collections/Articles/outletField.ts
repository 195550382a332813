import type { Field } from 'payload'

import { allowedField } from '@/access/rules'
import { OWN_OUTLET, SUGGESTED_OUTLETS } from '@/newsroom/outlet'
import { label } from '@collections/shared/labels'

/**
 * 来源: who the copy comes from, printed beside the date as `来源：新华社`. Chinese news sites must
 * name the source of what they run, and wire copy is a large share of a regional daily's site,
 * so this is the desk's decision (those who manage articles), not the writer's.
 *
 * Free text rather than a select: agencies, central and provincial papers, their apps and
 * county media centres are too many to list, and a select with 其他 plus a second field would
 * print whatever that second field says anyway. New articles start as 本报 because most of
 * what the desk writes is its own; the page importer sets the dateline's outlet (新华社讯…).
 */
export const outletField: Field = {
  name: 'outlet',
  type: 'text',
  label: label('来源', 'Source'),
  // A function, not a value: the database gets no column default, so articles from before the
  // field stay without a 来源 (on SQLite and MongoDB alike) rather than being claimed as 本报.
  defaultValue: () => OWN_OUTLET,
  access: { create: allowedField('manageArticles'), update: allowedField('manageArticles') },
  hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() || null : value)] },
  admin: {
    placeholder: SUGGESTED_OUTLETS.join(' / '),
    description: label(
      `印在日期旁的“来源：×××”。本报采写的稿件填“${OWN_OUTLET}”；转载的稿件填原发单位，如 ${SUGGESTED_OUTLETS.filter((outlet) => outlet !== OWN_OUTLET).join('、')}。留空则不显示来源。`,
      'Printed beside the date.',
    ),
  },
}
