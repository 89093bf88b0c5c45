/* Course page behaviour: click-to-expand sections, expand/collapse all, print, landscape hint, and
   the lesson page's reports to the learner record (record.js): page visited, section opened,
   section's end reached on screen. Plain JavaScript, works from file:// and offline. */
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

  /* Report to the learner record; it alone decides what is done. */
  function reportReading() {
    var R = window.CourseRecord;
    if (!R || R.config.page === R.config.home) return;
    var status = document.querySelector("[data-course-lesson]"), lesson = status && status.getAttribute("data-course-lesson");
    var heading = document.querySelector(".md-content h1"), title = (heading ? heading.textContent : document.title).trim();
    R.report("page", { lesson: lesson, title: title });
    if (!lesson) return;
    var seen = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var d = e.target.parentNode;
        if (e.isIntersecting && d.open) R.report("section-end", { lesson: lesson, section: d.id });
      });
    }) : null;
    sections().forEach(function (d) {
      var end = document.createElement("span");
      end.className = "course-section__end";
      end.setAttribute("aria-hidden", "true");
      d.appendChild(end);
      d.addEventListener("toggle", function () {
        if (!d.open) return;
        R.report("section-open", { lesson: lesson, section: d.id, title: title });
        if (seen) { seen.unobserve(end); seen.observe(end); }
      });
    });
  }

  function setUp() {
    reportReading();
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
