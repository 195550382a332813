import { renderToStaticMarkup } from 'react-dom/server'

import { ErrorNotice } from '@/reader/components/ErrorNotice'

describe('ErrorNotice', () => {
  it('apologises in Chinese and gives the error number to quote, with a way back home', () => {
    const html = renderToStaticMarkup(<ErrorNotice digest="3141592653" retryHref="/search?q=%E9%95%BF%E6%B2%99" />)
    expect(html).toContain('<h1>页面暂时无法显示</h1>')
    expect(html).toContain('错误编号：3141592653')
    // A link, so it works without JavaScript: loading the address again is the retry.
    expect(html).toContain('<a href="/search?q=%E9%95%BF%E6%B2%99">重试</a>')
    expect(html).toContain('<a href="/">返回首页</a>')
  })

  it('offers no retry link when there is nothing to retry', () => {
    expect(renderToStaticMarkup(<ErrorNotice />)).not.toContain('>重试</a>')
  })
})
