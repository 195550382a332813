type Props = { digest?: string; retryHref?: string }

/**
 * What a reader sees when a page fails: an apology and a way on, never the error's details.
 * 重试 is a link to the page's own address: loading it again asks the server for a fresh render,
 * with or without JavaScript (reader pages carry none of Next.js's, docs/reader-site.md).
 */
export function ErrorNotice({ digest, retryHref }: Props) {
  return (
    <section className="status-page">
      <p className="status-page__code">500</p>
      <h1>页面暂时无法显示</h1>
      <p>服务器处理请求时出了错。请稍后刷新重试；如果问题持续存在，请告诉我们。</p>
      {digest && <p className="status-page__digest">错误编号：{digest}</p>}
      <p>
        {retryHref && (
          <>
            <a href={retryHref}>重试</a>{' '}
          </>
        )}
        <a href="/">返回首页</a>
      </p>
    </section>
  )
}
