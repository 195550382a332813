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
import {
  type Block,
  type CollectionSlug,
  type FieldAffectingData,
  type FieldHook,
  flattenAllFields,
  type RichTextFieldValidation,
  type TextFieldSingleValidation,
  ValidationError,
  validations,
} from 'payload'

import { checkLinkUrl, type UnsafeLinkReason, unsafeLinkMessage } from '@/newsroom/safeUrl'
import type { LexicalTreeRules } from '@/security/lexicalTree'
import { withTextLimit, withTextLimits } from '@/security/textLimitFields'
import { BODY_BLOCK_LIMITS, MAX_URL_LENGTH, RICH_TEXT_LIMITS } from '@/security/textLimits'
import { EditorNote } from './blocks/EditorNote'
import { LabelledBox } from './blocks/LabelledBox'

const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
  const verdict = checkLinkUrl(value)
  return verdict.safe || unsafeLinkMessage('链接地址', value, verdict.reason)
}

/**
 * The link drawer's URL field under the newsroom's scheme rule, so the editor sees why at the
 * field itself. Payload's rule refuses only spaces. Its hook that percent-encodes any URL its
 * own pattern does not know goes too: every URL let through here is safe as typed, and that
 * hook turned site links such as `/search?q=长沙` into a broken `%2Fsearch%3Fq…`.
 */
export function withSafeLinkUrl({ defaultFields }: { defaultFields: FieldAffectingData[] }): FieldAffectingData[] {
  return defaultFields.map((field) =>
    field.name === 'url' && field.type === 'text' && !field.hasMany
      ? (withTextLimit({ ...field, validate: validateLinkUrl, hooks: { ...field.hooks, beforeChange: [] } }, MAX_URL_LENGTH) as FieldAffectingData)
      : field,
  )
}

type BodyNode = { type?: string; fields?: { linkType?: string; url?: unknown }; children?: BodyNode[] }

function firstUnsafeLink(nodes: BodyNode[] | undefined): { url: unknown; reason: UnsafeLinkReason } | null {
  for (const node of nodes ?? []) {
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal') {
      const verdict = checkLinkUrl(node.fields?.url)
      if (!verdict.safe) return { url: node.fields?.url, reason: verdict.reason }
    }
    const inChildren = firstUnsafeLink(node.children)
    if (inChildren) return inChildren
  }
  return null
}

function unsafeLinkInBody(value: unknown): string | null {
  const unsafe = firstUnsafeLink((value as { root?: BodyNode } | null)?.root?.children)
  return unsafe ? unsafeLinkMessage('正文中的链接', unsafe.url, unsafe.reason) : null
}

/**
 * The body's links are checked before Payload's own node validation, whose message for a bad
 * link reads only "link node failed to validate: The following fields are invalid: url".
 */
export const validateArticleBody: RichTextFieldValidation = (value, options) => unsafeLinkInBody(value) ?? validations.richText(value, options)

/**
 * Payload validates a draft only when it is published, but drafts are what staff previews
 * render and what gets published later: an unsafe link is refused on every save, autosaves too.
 */
export const refuseUnsafeLinks: FieldHook = ({ value, req, collection }) => {
  const message = unsafeLinkInBody(value)
  if (message) throw new ValidationError({ collection: collection?.slug, errors: [{ path: 'body', label: '正文', message }], req })
  return value
}

const HEADING_TAGS = ['h2', 'h3'] as const
const LINKABLE_COLLECTIONS: CollectionSlug[] = ['articles']
const PHOTO_COLLECTIONS: 'photos'[] = ['photos']
const BODY_BLOCKS: Block[] = [LabelledBox, EditorNote].map((block) => ({ ...block, fields: withTextLimits(block.fields, BODY_BLOCK_LIMITS[block.slug] ?? {}) }))

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
    HeadingFeature({ enabledHeadingSizes: [...HEADING_TAGS] }),
    BlockquoteFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    LinkFeature({ enabledCollections: LINKABLE_COLLECTIONS, fields: withSafeLinkUrl }),
    UploadFeature({ enabledCollections: PHOTO_COLLECTIONS }),
    HorizontalRuleFeature(),
    BlocksFeature({ blocks: BODY_BLOCKS }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})

/**
 * What the editor above can produce, checked on every save (src/security/lexicalTree.ts).
 * Bold, italic, underline and strikethrough are bits of a text node's format; the toolbars
 * add no nodes.
 */
export const articleBodyRules: LexicalTreeRules = {
  nodeTypes: [
    // Lexical's own: every editor has them (Shift+Enter makes a linebreak, Tab a tab).
    'paragraph', 'text', 'linebreak', 'tab',
    'heading', // HeadingFeature
    'quote', // BlockquoteFeature
    'list', 'listitem', // UnorderedListFeature, OrderedListFeature
    'link', 'autolink', // LinkFeature
    'upload', // UploadFeature
    'horizontalrule', // HorizontalRuleFeature
    'block', // BlocksFeature (no inline blocks are configured, so no 'inlineBlock')
  ],
  headingTags: HEADING_TAGS,
  listTags: { bullet: 'ul', number: 'ol' },
  uploadCollections: PHOTO_COLLECTIONS,
  internalLinkCollections: LINKABLE_COLLECTIONS,
  blocks: BODY_BLOCKS.map((block) => ({ ...block, flattenedFields: flattenAllFields({ fields: block.fields }) })),
  limits: RICH_TEXT_LIMITS,
}
