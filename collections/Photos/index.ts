import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { nobodyField } from '@/access/rules'
import { MEDIA_DIR } from '@/config/environment'
import { acceptedImageMimeTypes } from '@/uploads/imageFormats'
import { MAX_IMAGE_PIXELS } from '@/uploads/limits'
import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { label, option } from '@collections/shared/labels'
import { sourceKeyField } from '@collections/shared/sourceKeyField'
import { photosAccess } from './access'
import { explainUploadSizeLimit } from './hooks/explainUploadSizeLimit'
import { inspectUploadedFile } from './hooks/inspectUploadedFile'

const webp = { format: 'webp' as const, options: { quality: 80 } }

export const Photos: CollectionConfig = {
  slug: 'photos',
  labels: { singular: label('图片', 'Photo'), plural: label('图片', 'Photos') },
  access: photosAccess,
  hooks: { ...readerCacheHooks, beforeOperation: [inspectUploadedFile], afterError: [explainUploadSizeLimit] },
  admin: {
    useAsTitle: 'caption',
    defaultColumns: ['filename', 'caption', 'creditKind', 'creditByline', 'creditText'],
    group: label('内容', 'Content'),
  },
  upload: {
    staticDir: path.join(MEDIA_DIR, 'photos'),
    mimeTypes: acceptedImageMimeTypes,
    // inspectUploadedFile refuses larger images first, with a message; this keeps Payload's
    // conversion bounded should a file ever reach it some other way.
    constructorOptions: { limitInputPixels: MAX_IMAGE_PIXELS },
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    formatOptions: webp,
    imageSizes: [
      { name: 'thumbnail', width: 400, formatOptions: webp },
      { name: 'card', width: 800, formatOptions: webp },
      { name: 'large', width: 1600, withoutEnlargement: true, formatOptions: webp },
      // Share previews (WeChat, Weibo, OpenGraph) want 1200×630, cropped around the focal point.
      { name: 'share', width: 1200, height: 630, fit: 'cover', formatOptions: webp },
    ],
  },
  fields: [
    sourceKeyField,
    // Chinese labels for fields Payload adds to every upload collection (merged by name).
    { name: 'mimeType', type: 'text', label: label('文件类型（MIME）', 'MIME type') },
    { name: 'thumbnailURL', type: 'text', label: label('缩略图网址', 'Thumbnail URL') },
    { name: 'url', type: 'text', label: label('文件网址', 'URL') },
    {
      // Derived by src/publishing/photoPublicity.ts from the articles and columns that show the photo; the read rule tests it.
      name: 'publicUse',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('可公开（自动）', 'Public use (derived)'),
      access: { create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: label('替代文字', 'Alt text'),
      admin: {
        description: label('为看不到图片的读者描述画面内容（读屏软件会朗读）。', 'Describe the picture for readers who cannot see it.'),
      },
    },
    { name: 'caption', type: 'textarea', label: label('图片说明', 'Caption') },
    {
      type: 'row',
      fields: [
        {
          name: 'creditKind',
          type: 'select',
          defaultValue: 'photographer',
          label: label('署名方式', 'Credit kind'),
          options: [option('photographer', '摄（摄影者）', 'Photo by'), option('courtesy', '供图（提供单位）', 'Courtesy of')],
        },
        {
          name: 'creditByline',
          type: 'relationship',
          relationTo: 'bylines',
          label: label('摄影/供图署名', 'Credited byline'),
        },
        {
          name: 'creditText',
          type: 'text',
          label: label('其他署名（自由文字）', 'Credit (free text)'),
          admin: { description: label('没有对应署名条目时填写。', 'Use when the credit has no byline entry.') },
        },
      ],
    },
  ],
}
