import type { SiteFooterSettings } from '@/reader/data/siteSettings'

/**
 * The lines every Chinese news site's footer carries by law, as the registries want them shown:
 * the ICP number linking to the 工信部 register, the 公安备案号 to the 公安 register's record.
 */
export function LegalFooter({ settings }: { settings: SiteFooterSettings }) {
  const { icpNumber, publicSecurityNumber, newsLicence, reportPhone, reportAddress } = settings
  const recordCode = publicSecurityNumber?.replace(/\D/g, '')
  if (!icpNumber && !publicSecurityNumber && !newsLicence && !reportPhone && !reportAddress) return null
  return (
    <ul className="footer__legal" aria-label="备案与举报">
      {newsLicence && <li>{`互联网新闻信息服务许可证：${newsLicence}`}</li>}
      {icpNumber && (
        <li>
          <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">
            {icpNumber}
          </a>
        </li>
      )}
      {publicSecurityNumber && (
        <li>
          <a href={`https://beian.mps.gov.cn/#/query/webSearch?code=${recordCode}`} rel="noopener noreferrer">
            {publicSecurityNumber}
          </a>
        </li>
      )}
      {reportPhone && (
        <li>
          违法和不良信息举报电话：<a href={`tel:${reportPhone.replace(/[^\d+]/g, '')}`}>{reportPhone}</a>
        </li>
      )}
      {reportAddress && <li>举报邮箱/地址：{/^[^\s@]+@[^\s@]+$/.test(reportAddress) ? <a href={`mailto:${reportAddress}`}>{reportAddress}</a> : reportAddress}</li>}
    </ul>
  )
}
