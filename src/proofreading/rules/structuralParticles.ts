import { hit, type Hit } from '../findings'

/**
 * 的、地、得 where the sentence leaves no doubt, as 《现代汉语词典》第7版 distinguishes them: an
 * adverbial before the verb that introduces speech takes 地 (欣慰地说道), and a
 * complement of degree after the verb takes 得 (变得越来越好). Anything the grammar allows both
 * ways (他做的很多事) is left alone or only flagged as a warning.
 */
const SOURCE = '《现代汉语词典》第7版“地”“得”条'

/** 欣慰的说道, 高兴的说：, 激动的告诉记者: a speech verb with 道, or a bare 说 opening the quotation. */
const ADVERBIAL_DI = /(?<=\p{Script=Han})的(?=(?:说|笑|问|答|回答|喊|叹|感叹|感慨|回忆|解释|补充|介绍|表示|写)道|说[：:，,]?[“"]|说[：:])/gu
/** 高兴的表示，/ 自豪的介绍： the same, with verbs that are nouns too (他的介绍：), so a warning. */
const ADVERBIAL_DI_NOUN_VERBS = /(?<=(?:高兴|兴奋|激动|自豪|欣慰|感慨|动情|认真|诚恳|骄傲|满意|欣喜|由衷))的(?=(?:表示|介绍|告诉)[：:，,])/gu
/** 变的越来越好, 做的很好: a verb, 的, then a degree adverb; 很多/很少 are left out (做的很多事). */
const COMPLEMENT_DE = /(?<=(?:变|显|过|搞|做|办|干|跑|长|说|写|讲|学|睡|走|来|发展|建设|落实|开展))的(?=(?:越来越|更加|非常|十分|格外|特别|很(?![多少])))/gu

export function findStructuralParticles(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(ADVERBIAL_DI)) hits.push(hit('typo', 'error', match.index, 1, `状语修饰“说”等动词应用“地”（${SOURCE}）`, '地'))
  for (const match of text.matchAll(ADVERBIAL_DI_NOUN_VERBS)) hits.push(hit('typo', 'warning', match.index, 1, `如为状语修饰动词，应用“地”（${SOURCE}）`, '地'))
  for (const match of text.matchAll(COMPLEMENT_DE)) hits.push(hit('typo', 'warning', match.index, 1, `动词后接程度补语应用“得”（${SOURCE}）`, '得'))
  return hits
}
