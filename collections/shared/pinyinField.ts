import type { Field } from 'payload'

import { pinyinLabels } from '@/search/tokens'
import { codePointCount, LONGEST_NAME } from '@/security/textLimits'
import { label } from './labels'

/**
 * Hidden fields kept from a name on every save: its pinyin (`zhangfufang zff`), so the name
 * can be looked up by pinyin, and a title that shows it (`张福芳（zhangfufang / zff）`). The
 * admin's relationship pickers filter their options by the label text, so the pinyin has to
 * be in the label for `zff` to offer 张福芳.
 */
export function pinyinFields(source: string): Field[] {
  const labelsOf = (siblingData: Record<string, unknown>) => {
    const name = String(siblingData[source] ?? '')
    // A name over every name's limit is refused by validation after these hooks: pinyin-pro
    // need not spend seconds on it first.
    return codePointCount(name) > LONGEST_NAME ? { pinyin: null, pickerTitle: null } : pinyinLabels(name)
  }
  return [
    {
      name: 'pinyin',
      type: 'text',
      index: true,
      admin: { hidden: true },
      hooks: { beforeChange: [({ siblingData }) => labelsOf(siblingData).pinyin] },
    },
    {
      name: 'pickerTitle',
      type: 'text',
      label: label('名称（含拼音）', 'Name with pinyin'),
      admin: { hidden: true },
      hooks: { beforeChange: [({ siblingData }) => labelsOf(siblingData).pickerTitle] },
    },
  ]
}
