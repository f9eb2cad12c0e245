// Waymark's only script: loaded as <script type="module"> from _Layout.cshtml.
// Every page works without it; it only enhances. No inline script is needed
// anywhere (the app's Content-Security-Policy allows script-src 'self' only).
//
// Module scripts run only in browsers that support ES modules, which is
// GOV.UK Frontend's own test for "supported", so the body classes that its
// template normally sets with an inline <script> are set here instead.
// Relative, so it also works when the app runs under a path base (/lib/...).
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()

/**
 * "Expand all / Collapse all" for a framework tree ([data-module="wm-tree"]).
 * The tree is native <details>/<summary>, so without this everything still
 * opens and closes one branch at a time.
 *
 * @param {HTMLElement} tree
 */
function initTree (tree) {
  if (tree.dataset.wmTreeInit === 'true') return
  const details = () => Array.from(tree.querySelectorAll('details'))
  if (details().length === 0) return
  tree.dataset.wmTreeInit = 'true'

  const controls = document.createElement('div')
  controls.className = 'wm-tree__controls'
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'govuk-button govuk-button--secondary'
  controls.appendChild(button)
  // A <ul>/<ol> may only contain <li>, so put the controls before a list.
  if (tree.tagName === 'UL' || tree.tagName === 'OL') {
    tree.before(controls)
  } else {
    tree.insertBefore(controls, tree.firstChild)
  }

  const allOpen = () => details().every((d) => d.open)
  const update = () => {
    const open = allOpen()
    button.textContent = open ? 'Collapse all' : 'Expand all'
    button.setAttribute('aria-expanded', String(open))
  }

  button.addEventListener('click', () => {
    const open = !allOpen()
    for (const d of details()) d.open = open
    update()
  })
  // A user opening or closing one branch can change the button's label.
  // ('toggle' does not bubble, so listen in the capture phase.)
  tree.addEventListener('toggle', update, true)
  update()
}

for (const tree of document.querySelectorAll('[data-module="wm-tree"]')) {
  initTree(/** @type {HTMLElement} */ (tree))
}

// Print every branch: open all <details> before printing and restore them
// afterwards (CSS ::details-content does the same in newer browsers).
/** @type {HTMLDetailsElement[]} */
let closedForPrint = []
window.addEventListener('beforeprint', () => {
  closedForPrint = Array.from(document.querySelectorAll('details:not([open])'))
  for (const d of closedForPrint) d.open = true
})
window.addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false
  closedForPrint = []
})
