export const SITE_NAME = process.env.SITE_NAME?.trim() || '本报新闻网'
export const SITE_DESCRIPTION = '本报城市、县域新闻与专栏报道'
