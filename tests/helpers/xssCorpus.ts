import type { UnsafeLinkReason } from '@/newsroom/safeUrl'

/**
 * Classic injection payloads, each aimed at one place the reader site writes text into: HTML
 * text and attributes, the JSON-LD <script>, CDATA sections and entities in the feeds, and
 * client-side template engines. Every one must come out as the same text, never as markup.
 */
export type XssPayload = { name: string; text: string }

export const XSS_PAYLOADS: readonly XssPayload[] = [
  { name: 'script element', text: '<script>alert(1)</script>' },
  { name: 'img onerror', text: '<img src=x onerror=alert(1)>' },
  { name: 'double-quoted attribute breakout', text: '"><svg onload=alert(1)>' },
  { name: 'single-quoted attribute breakout', text: "'><iframe src=javascript:alert(1)></iframe>" },
  { name: 'closing the JSON-LD script', text: '</script><script>alert(1)</script>' },
  { name: 'closing script in mixed case with a space', text: '</ScRiPt ><img src=x onerror=alert(1)>' },
  { name: 'javascript: URL as text', text: 'javascript:alert(1)' },
  { name: 'template expression', text: "{{constructor.constructor('alert(1)')()}}" },
  { name: 'CDATA terminator', text: ']]><script>alert(1)</script>' },
  { name: 'two CDATA terminators', text: '甲]]>乙]]><evil xmlns="http://www.w3.org/1999/xhtml">alert(1)</evil>' },
  { name: 'entity-encoded markup', text: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'numeric character references', text: '&#60;img src=x onerror=alert(1)&#62;' },
  { name: 'Unicode line separators', text: '第一行\u2028第二行\u2029</script>' },
  { name: 'HTML comment opener', text: '<!--<script>alert(1)</script>' },
  { name: 'processing instruction', text: '<?xml-stylesheet href="javascript:alert(1)"?>' },
  { name: 'style element', text: '<style>*{background:url("javascript:alert(1)")}</style>' },
  { name: 'control characters', text: '\u000b\u001f<script>alert(1)</script>' },
  { name: 'markup inside Chinese text', text: '长沙<b onmouseover=alert(1)>天心区</b>“红色引擎”&amp;' },
]

/** Link targets that must survive as typed: the schemes and site paths editors use. */
export const SAFE_LINKS: readonly string[] = [
  'https://www.hunantoday.cn/news/2025/11/13.html',
  'http://example.com/path?a=1&b=2#top',
  'https://example.com/search?q=<b>"x"</b>',
  'mailto:tips@example.cn',
  'mailto:tips@example.cn?subject=%E7%88%86%E6%96%99',
  'tel:+86-731-12345678',
  '/articles/dang-jian-yin-ling',
  '/search?q=长沙',
  '#second-section',
]

/** Targets refused on save and rendered without a link, with the reason each is refused. */
export const UNSAFE_LINKS: readonly { url: string; reason: UnsafeLinkReason }[] = [
  { url: 'javascript:alert(1)', reason: 'scheme' },
  { url: 'JaVaScRiPt:alert(1)', reason: 'scheme' },
  { url: 'javascript:alert(1)//https://example.com', reason: 'scheme' },
  { url: ' javascript:alert(1)', reason: 'hiddenCharacters' },
  { url: '\u0001javascript:alert(1)', reason: 'hiddenCharacters' },
  { url: 'java\tscript:alert(1)', reason: 'hiddenCharacters' },
  { url: 'java\nscript:alert(1)', reason: 'hiddenCharacters' },
  { url: '\u200Bjavascript:alert(1)', reason: 'hiddenCharacters' },
  { url: 'javascript&#58;alert(1)', reason: 'noScheme' },
  { url: '&#106;avascript:alert(1)', reason: 'noScheme' },
  { url: 'javascript%3Aalert(1)', reason: 'noScheme' },
  { url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', reason: 'scheme' },
  { url: 'DATA:text/html,<script>alert(1)</script>', reason: 'scheme' },
  { url: 'vbscript:msgbox(1)', reason: 'scheme' },
  { url: 'file:///etc/passwd', reason: 'scheme' },
  { url: '//evil.example/steal', reason: 'protocolRelative' },
  { url: '/\\evil.example/steal', reason: 'backslash' },
  { url: 'www.example.com', reason: 'noScheme' },
  { url: 'https://', reason: 'incomplete' },
  { url: 'tel:', reason: 'incomplete' },
  { url: '', reason: 'empty' },
]
