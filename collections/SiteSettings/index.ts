import type { GlobalConfig, TextFieldSingleValidation } from 'payload'

import { label } from '@collections/shared/labels'
import { siteSettingsAccess } from './access'
import { expireSiteFooter } from './hooks/expireSiteFooter'

/**
 * A pattern a registration number must follow, refused with what it should look like. The forms
 * are those the registries print: 工业和信息化部 ICP 备案 (湘ICP备12345678号-1) and 公安机关互联网站
 * 安全服务平台 (湘公网安备43010202000123号).
 */
const shaped =
  (pattern: RegExp, example: string): TextFieldSingleValidation =>
  (value) =>
    !value || pattern.test(value.trim()) || `格式不对：应形如“${example}”`

/**
 * 网站设置: the legal footer every Chinese news site must show (备案号, 互联网新闻信息服务许可证,
 * 违法和不良信息举报 phone and address). Fields left empty are not shown.
 */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: label('网站设置', 'Site settings'),
  access: siteSettingsAccess,
  admin: { group: label('系统', 'System'), description: label('显示在读者网站每一页的页脚：留空的项不显示', 'Shown in every reader page’s footer; empty fields are left out') },
  hooks: { afterChange: [expireSiteFooter] },
  fields: [
    {
      name: 'icpNumber',
      type: 'text',
      label: label('ICP 备案号', 'ICP number'),
      validate: shaped(/^\p{Script=Han}ICP备\d{8}号(?:-\d{1,3})?$/u, '湘ICP备12345678号-1'),
      admin: { description: label('工业和信息化部备案号，页脚链接到 beian.miit.gov.cn', 'Links to beian.miit.gov.cn') },
    },
    {
      name: 'publicSecurityNumber',
      type: 'text',
      label: label('公安机关备案号', 'Public security number'),
      validate: shaped(/^\p{Script=Han}公网安备\s?\d{14}号$/u, '湘公网安备43010202000123号'),
    },
    { name: 'newsLicence', type: 'text', label: label('互联网新闻信息服务许可证编号', 'News service licence'), maxLength: 40 },
    {
      name: 'reportPhone',
      type: 'text',
      label: label('违法和不良信息举报电话', 'Report phone'),
      validate: shaped(/^[\d\-－() （）]{5,20}$/u, '0731-84326600'),
    },
    { name: 'reportAddress', type: 'text', label: label('举报邮箱或地址', 'Report e-mail or address'), maxLength: 120 },
    {
      name: 'issueNumbering',
      type: 'group',
      label: label('期号', 'Issue number'),
      admin: { description: label('报头日期旁印“第×期”：给出某一天的期号，此后每天加一。两项都留空则不显示。', 'Printed beside the date line; one a day from the day given.') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'referenceDate', type: 'date', label: label('日期', 'Date'), admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年MM月dd日' } } },
            { name: 'referenceNumber', type: 'number', min: 1, max: 999999, label: label('当天期号', 'Issue number that day') },
          ],
        },
      ],
    },
  ],
}
