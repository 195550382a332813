/* global document, window, MutationObserver */
// 字号 on article pages (src/reader/components/FontSizeSwitch.tsx): applies the size a reader
// chose, shows the switch and remembers a new choice. localStorage only: a cookie would travel
// with every request and split the shared page cache. Values as in src/reader/fontSize.ts.
;(function () {
  var KEY = 'reader-font-size'
  var SIZES = ['small', 'medium', 'large', 'xlarge']
  var DEFAULT = 'medium'
  var root = document.documentElement

  function stored() {
    try {
      var size = window.localStorage.getItem(KEY)
      return SIZES.indexOf(size) >= 0 ? size : DEFAULT
    } catch {
      // Storage refused (private mode, blocked): the default size, and no switch that cannot remember.
      return null
    }
  }

  function apply(size) {
    if (size && size !== DEFAULT) root.setAttribute('data-font-size', size)
    else root.removeAttribute('data-font-size')
  }

  function showSwitches() {
    var current = root.getAttribute('data-font-size') || DEFAULT
    var switches = document.querySelectorAll('.font-size-switch')
    for (var index = 0; index < switches.length; index += 1) {
      var buttons = switches[index].querySelectorAll('button[value]')
      for (var at = 0; at < buttons.length; at += 1) buttons[at].setAttribute('aria-pressed', String(buttons[at].value === current))
      switches[index].hidden = false
    }
  }

  var size = stored()
  if (size === null) return
  // Before the article below is parsed: it is laid out once, at the reader's size.
  apply(size)

  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('.font-size-switch button[value]') : null
    if (!button || SIZES.indexOf(button.value) < 0) return
    apply(button.value)
    try {
      window.localStorage.setItem(KEY, button.value)
    } catch {
      // Full or refused: the choice holds for this page only.
    }
    showSwitches()
  })

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showSwitches)
  else showSwitches()
  // Next.js swaps pages in place when a link is followed: the new article's switch arrives hidden.
  new MutationObserver(function () {
    if (document.querySelector('.font-size-switch[hidden]')) showSwitches()
  }).observe(document.body || root, { childList: true, subtree: true })
})()
