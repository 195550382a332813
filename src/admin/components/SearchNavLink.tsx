/** Full-text search over drafts and published articles is a view of its own, reached from the navigation. */
export function SearchNavLink() {
  return (
    <a className="nav__link newsroom-search__nav-link" href="/admin/search">
      全文检索
    </a>
  )
}
