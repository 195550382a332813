// The benchmark's baseline: the smallest Next.js app serving one prerendered page.
export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  )
}
