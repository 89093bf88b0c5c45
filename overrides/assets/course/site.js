/* Site-wide behaviour the course adds to the theme. Plain JavaScript, works from file://.
   - The language menu keeps the #section: switching language opens the same section.
   - A wide table shows its "scroll sideways" hint only while it is wider than its region. */
(function () {
  "use strict";

  function languageLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("a[data-course-language]"));
  }

  function keepSectionInLanguageLinks() {
    languageLinks().forEach(function (link) {
      if (!link.hasAttribute("data-course-href")) link.setAttribute("data-course-href", link.getAttribute("href"));
      var base = link.getAttribute("data-course-href").split("#")[0];
      link.setAttribute("href", base + (location.hash.length > 1 ? location.hash : ""));
    });
  }

  function updateTableHints() {
    document.querySelectorAll(".course-table").forEach(function (table) {
      var region = table.querySelector(".course-table__scroll");
      var hint = table.querySelector(".course-table__hint");
      if (!region || !hint) return;
      hint.hidden = !(region.clientWidth > 0 && region.scrollWidth > region.clientWidth + 1);
    });
  }

  function setUp() {
    keepSectionInLanguageLinks();
    window.addEventListener("hashchange", keepSectionInLanguageLinks);
    // A section opened by a click changes the address only sometimes: read it at the click too.
    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element && event.target.closest("a[data-course-language]");
      if (link) keepSectionInLanguageLinks();
    }, true);
    updateTableHints();
    window.addEventListener("resize", updateTableHints);
    document.addEventListener("toggle", updateTableHints, true);   // tables in a section just opened
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
