import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { EditorNote } from './blocks/EditorNote'
import { LabelledBox } from './blocks/LabelledBox'

/**
 * What a newspaper body needs and no more: 小标题 as h2/h3, quotes, lists, links, inline
 * photos from the photo library, 【】 boxes and 编者按/前言. No colours, fonts or code.
 */
export const articleBodyEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3'] }),
    BlockquoteFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    LinkFeature({ enabledCollections: ['articles'] }),
    UploadFeature({ enabledCollections: ['photos'] }),
    HorizontalRuleFeature(),
    BlocksFeature({ blocks: [LabelledBox, EditorNote] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
