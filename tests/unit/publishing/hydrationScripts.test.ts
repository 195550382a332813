import { hasHydrationScripts, rendersInBrowser, withoutHydrationScripts } from '@/publishing/hydrationScripts.mjs'

/** The shape of a reader page as Next.js 16 renders it (abridged from the production build). */
const PAGE = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0abc.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/main-2.js"/>',
  '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<script src="/_next/static/chunks/3.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<title>头条 - 新闻</title>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"头条"}</script>',
  '</head><body><main><h1>头条</h1><a href="/articles/x">下一篇</a>',
  '<script src="/font-size.js"></script>',
  '<script src="/reader/views.js" defer=""></script>',
  '</main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  '<script id="_R_">self.__next_r="abc"</script>',
  '<script>(self.TURBOPACK=self.TURBOPACK||[]).push(["/_next/static/chunks/x.js"])</script>',
  '</body></html>',
].join('')

describe('taking Next.js\'s client runtime out of a reader page', () => {
  const stripped = withoutHydrationScripts(PAGE)

  it('removes every script loaded from /_next/, Next.js\'s inline scripts and the hints preloading its files', () => {
    expect(stripped).not.toMatch(/<script[^>]*src="\/_next\//)
    expect(stripped).not.toContain('__next_')
    expect(stripped).not.toContain('TURBOPACK')
    expect(stripped).not.toMatch(/rel="(modulepreload|preload" as="script)/)
    expect(hasHydrationScripts(PAGE)).toBe(true)
    expect(hasHydrationScripts(stripped)).toBe(false)
  })

  it('keeps the page itself, its stylesheet, font preload, JSON-LD and the site\'s own scripts', () => {
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/0abc.css" data-precedence="next"/>',
      'as="font"',
      '<title>头条 - 新闻</title>',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"头条"}</script>',
      '<main><h1>头条</h1><a href="/articles/x">下一篇</a>',
      '<script src="/font-size.js"></script>',
      '<script src="/reader/views.js" defer=""></script>',
    ]) expect(stripped).toContain(kept)
    expect(stripped.endsWith('</body></html>')).toBe(true)
  })

  it('recognises Next.js\'s files under an asset prefix or another origin, and nothing merely named like them', () => {
    expect(withoutHydrationScripts('<script src="https://cdn.example.cn/_next/static/a.js"></script>')).toBe('')
    expect(withoutHydrationScripts("<script src='/prefix/_next/static/a.js' async></script>")).toBe('')
    const own = '<script src="/reader/next_steps.js"></script><script>window.readerStats()</script>'
    expect(withoutHydrationScripts(own)).toBe(own)
  })

  it('leaves Next.js\'s error shell whole: its 404 page or error page is drawn in the browser', () => {
    const shell = '<!DOCTYPE html><html id="__next_error__"><head><title>页面不存在</title><script src="/_next/static/chunks/main.js" async=""></script></head><body><script>self.__next_f.push([0])</script></body></html>'
    expect(rendersInBrowser(shell)).toBe(true)
    expect(rendersInBrowser(PAGE)).toBe(false)
    expect(withoutHydrationScripts(shell)).toBe(shell)
  })

  it('leaves whole a page with a part the server gave up on, which React renders again in the browser', () => {
    const withHole = PAGE.replace('<main>', '<main><!--$!--><template data-dgst="1"></template><!--/$-->')
    expect(withoutHydrationScripts(withHole)).toBe(withHole)
  })

  it('leaves alone a page without Next.js\'s scripts (a page stripped before)', () => {
    expect(withoutHydrationScripts(stripped)).toBe(stripped)
  })
})
