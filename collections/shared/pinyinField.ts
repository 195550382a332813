import type { Field } from 'payload'

import { pinyinKeys } from '../../src/search/tokens'

/**
 * A hidden field with a name's pinyin (`zhangfufang zff`), kept from the name on every save,
 * so the name can be looked up by pinyin.
 */
export function pinyinField(source: string): Field {
  return {
    name: 'pinyin',
    type: 'text',
    index: true,
    admin: { hidden: true },
    hooks: {
      beforeChange: [({ siblingData }) => pinyinKeys(String(siblingData[source] ?? '')).join(' ') || null],
    },
  }
}
