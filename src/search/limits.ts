/** Bounds on a search request, in a module of their own so the request proxy can check them without loading the search engine. */
export const SEARCH_LIMITS = { maxQueryLength: 100, maxLimit: 50, defaultLimit: 10, maxPage: 100 } as const
