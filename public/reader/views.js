/* global window, document, navigator, MutationObserver*/
// 阅读量: tells the server that an article was read (src/readerViews). No cookie, no identifier:
// the beacon's body is the article's slug, from the page's `data-article-view` marker. Pages come
// from a cache, so the view is counted here, not when the page was rendered. Loaded once per
// document: articles opened later by in-page navigation (Next.js's links) insert a new marker,
// which the observer below counts.
;(function () {
  if (!navigator.sendBeacon || !window.MutationObserver) return
  var counted = new WeakSet()
  function count(marker) {
    if (counted.has(marker)) return
    counted.add(marker)
    var slug = marker.getAttribute('data-article-view')
    if (slug) navigator.sendBeacon('/api/article-views/beacon', slug)
  }
  function scan() {
    var markers = document.querySelectorAll('[data-article-view]')
    for (var i = 0; i < markers.length; i++) count(markers[i])
  }
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true })
  scan()
})()
