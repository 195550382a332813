/** Importing print pages is a view of its own, reached from the navigation. */
export function ImportNavLink() {
  return (
    <a className="nav__link newsroom-import__nav-link" href="/admin/import">
      导入版面
    </a>
  )
}
