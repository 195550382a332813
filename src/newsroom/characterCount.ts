import { type LexicalBody, lexicalToPlainText } from './lexicalText'

/**
 * 字数 as Chinese newsrooms count it, which is what Word's 字数统计 reports as 字数: the sum of
 * its 中文字符和朝鲜语单词 and its 非中文单词 (Microsoft Support, “显示字数统计” / “Show word
 * count”, Word's Review › Word Count dialog). In practice:
 *
 * - every Chinese character counts 1, and so does every full-width punctuation mark (，。：“”（）
 *   —— …… ·), the forms Chinese typesetting gives a full character's width (GB/T 15834-2011);
 * - every run of other non-space characters counts 1, as one Western word: `GDP` · `2021` ·
 *   `0.7` · `5G` · `3.5%`, so `2021年` is 2 and `0.7元/月` is 4 (`0.7` 元 `/` 月);
 * - spaces, tabs and line breaks are not counted (the padding in `张 毅` is layout, not text).
 *
 * Kana and Hangul count per character, as Word counts Japanese; the paper prints little of either.
 */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3001-\u303F\u3200-\u33FF\uFE30-\uFE4F\uFF01-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026\u00B7\u2E3A]/u
const SPACE = /\s/u

export function countCharacters(text: string): number {
  let count = 0
  let inWord = false
  for (const character of text) {
    if (SPACE.test(character)) {
      inWord = false
    } else if (WIDE.test(character)) {
      count += 1
      inWord = false
    } else if (!inWord) {
      count += 1
      inWord = true
    }
  }
  return count
}

/**
 * The article's 字数: its body as printed (paragraphs, lists, labelled boxes, editors' notes).
 * Headlines, standfirst and captions are set apart on the page and not part of the usual count.
 */
export function bodyCharacterCount(body: LexicalBody): number {
  return countCharacters(lexicalToPlainText(body))
}
