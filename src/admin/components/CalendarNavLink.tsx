/** The planning calendar is a view of its own, so the navigation needs a way there. */
export function CalendarNavLink() {
  return (
    <a className="nav__link planning-calendar__nav-link" href="/admin/calendar">
      排期日历
    </a>
  )
}
