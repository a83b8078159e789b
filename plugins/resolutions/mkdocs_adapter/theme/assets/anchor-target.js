/*
 * Keeps `:target` working under Material's instant navigation.
 *
 * Instant navigation loads the next page with history.pushState, which never updates the CSS `:target` of the
 * new document: a reader who follows a citation to `…/A/RES/74/208/#para-5` would land on the page without
 * the cited paragraph being the target (so neither highlighted nor announced as such). After each instant page
 * change that has a fragment, navigate once more to the same address: a fragment navigation, which sets
 * `:target` and scrolls to it, without reloading and without a new history entry.
 */
(function () {
  "use strict";
  if (typeof document$ === "undefined" || typeof document$.subscribe !== "function") return;
  var firstPage = true;
  document$.subscribe(function () {
    if (firstPage) {
      firstPage = false; // a full page load sets :target by itself
      return;
    }
    if (location.hash && !document.querySelector(":target")) location.replace(location.href);
  });
})();
