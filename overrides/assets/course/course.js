/* Course page behaviour: click-to-expand sections, expand/collapse all, print, landscape hint.
   Plain JavaScript, no dependencies, works from file:// and with the network unplugged. */
(function () {
  "use strict";
  var HINT_KEY = "course.landscapeHint.dismissed";

  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll("details.course-section"));
  }

  function setAll(open) {
    sections().forEach(function (d) { d.open = open; });
  }

  function openTarget() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var details = target && (target.matches("details") ? target : target.closest("details"));
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: forget */ }
  }

  function setUpHint() {
    var hint = document.querySelector(".course-landscape-hint");
    if (!hint) return;
    var portraitPhone = window.matchMedia("(orientation: portrait) and (max-width: 48em)");
    function update() {
      hint.hidden = !(portraitPhone.matches && storageGet(HINT_KEY) !== "1");
    }
    var dismiss = hint.querySelector(".course-landscape-hint__dismiss");
    if (dismiss) {
      dismiss.addEventListener("click", function () {
        storageSet(HINT_KEY, "1");
        update();
      });
    }
    if (portraitPhone.addEventListener) portraitPhone.addEventListener("change", update);
    update();
  }

  function setUp() {
    document.querySelectorAll("[data-course-expand]").forEach(function (button) {
      button.addEventListener("click", function () {
        setAll(button.getAttribute("data-course-expand") === "all");
      });
    });
    var openBeforePrint = [];
    window.addEventListener("beforeprint", function () {
      openBeforePrint = sections().map(function (d) { return d.open; });
      setAll(true);
    });
    window.addEventListener("afterprint", function () {
      sections().forEach(function (d, i) { d.open = !!openBeforePrint[i]; });
    });
    window.addEventListener("hashchange", openTarget);
    openTarget();
    setUpHint();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
