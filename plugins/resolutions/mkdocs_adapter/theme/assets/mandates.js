// Narrows a mandate list (mandates.html) by action, actor, body and words, in the browser: the list is the
// page's own (at most a few hundred entries), so no data is fetched.
(function () {
  "use strict";
  function setUp(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".rs-mandate"));
    var output = form.querySelector("output");
    function apply() {
      var action = form.elements.action.value, actor = form.elements.actor.value, body = form.elements.body.value;
      var words = form.elements.words.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (item) {
        var ok = (!action || item.dataset.action === action) && (!actor || item.dataset.actor === actor) &&
          (!body || item.dataset.body === body) && (!words || item.textContent.toLowerCase().indexOf(words) >= 0);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      output.textContent = shown + " of " + items.length + " shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  function start() {
    var form = document.querySelector("[data-mandate-filter]");
    if (form) setUp(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Material's instant navigation swaps pages without a load event.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
