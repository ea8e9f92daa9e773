/*
 * The product form's tabs (console/products/product.html): without this script every panel shows; with it the
 * tab strip appears and one panel shows at a time, opening on the first tab that holds an error.
 */
(function () {
  'use strict';
  var strip = document.querySelector('[data-product-tabs]');
  if (!strip) {
    return;
  }
  var tabs = Array.prototype.slice.call(strip.querySelectorAll('[data-tab]'));
  var panels = Array.prototype.slice.call(document.querySelectorAll('[data-tab-panel]'));
  function show(name) {
    tabs.forEach(function (tab) {
      var on = tab.getAttribute('data-tab') === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.classList.toggle('is-active', on);
    });
    panels.forEach(function (panel) {
      panel.hidden = panel.getAttribute('data-tab-panel') !== name;
    });
  }
  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () {
      show(tab.getAttribute('data-tab'));
    });
  });
  strip.hidden = false;
  var withError = panels.filter(function (panel) {
    return panel.querySelector('.field__error') !== null;
  })[0];
  show(withError ? withError.getAttribute('data-tab-panel') : tabs[0].getAttribute('data-tab'));
})();
