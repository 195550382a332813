import { renderToStaticMarkup } from 'react-dom/server'

import { ErrorNotice } from '@/reader/components/ErrorNotice'

describe('ErrorNotice', () => {
  it('apologises in Chinese and gives the error number to quote, with a way back home', () => {
    const html = renderToStaticMarkup(<ErrorNotice digest="3141592653" onRetry={() => undefined} />)
    expect(html).toContain('<h1>页面暂时无法显示</h1>')
    expect(html).toContain('错误编号：3141592653')
    expect(html).toContain('<button type="button">重试</button>')
    expect(html).toContain('<a href="/">返回首页</a>')
  })

  it('offers no retry button when there is nothing to retry', () => {
    expect(renderToStaticMarkup(<ErrorNotice />)).not.toContain('<button')
  })
})
