/* What the learner sees of the learner record (record.js): ticks on done sections and on lessons
   in the navigation, the lesson's and the module's progress bars, Start / Continue where you left
   off, the offer to resume paused narration, Reset my progress, the note when storage is off,
   and the completion page. It only reads the record and asks it to reset: it writes no progress.
   Plain ES2017, works from file://. */
(function () {
  "use strict";
  var R = window.CourseRecord;
  if (!R) return;
  var ui = R.config.ui, doc = document;

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function el(tag, cls, text) {
    var node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clock(s) { s = Math.floor(s || 0); return Math.floor(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + (s % 60); }
  function tick() {
    var t = el("span", "course-tick");
    t.appendChild(el("span", "course-tick__icon", "\u2713")).setAttribute("aria-hidden", "true");
    t.appendChild(el("span", "course-sr", ui.done));
    return t;
  }
  function setTick(parent, on, after) {
    var old = parent.querySelector(":scope > .course-tick");
    if (on && !old) parent.insertBefore(tick(), after ? after.nextSibling : null);
    else if (!on && old) old.remove();
  }
  function bar(progress, value, max, text) {
    if (!progress) return;
    progress.max = max;
    progress.value = value;
    progress.setAttribute("aria-valuetext", text);
    var shown = progress.parentNode.querySelector(".course-progress__text");
    if (shown) shown.textContent = text;
  }
  function pageOf(href) { return (href || "").replace(/^\.\//, "").split(/[?#]/)[0] || "index.html"; }
  function quizText(s) { return s.quizCounts ? (s.quizPassed ? ui.quiz_passed : ui.quiz_not_passed) : ""; }

  function showNav(s) {
    s.lessons.forEach(function (l) {
      doc.querySelectorAll(".md-nav__link[href]").forEach(function (a) {
        if (pageOf(a.getAttribute("href")) === l.href) setTick(a, l.complete);
      });
    });
  }

  function showLesson(s) {
    var status = doc.querySelector("[data-course-lesson]");
    if (!status) return;
    var l = s.lessons.filter(function (x) { return x.id === status.getAttribute("data-course-lesson"); })[0];
    if (!l) return;
    doc.querySelectorAll("details.course-section").forEach(function (d) {
      var summary = d.querySelector("summary");
      setTick(summary, l.doneSections.indexOf(d.id) >= 0, summary.querySelector("h2"));
    });
    bar(doc.getElementById("course-lesson-progress"), l.done, Math.max(1, l.total), fmt(ui.lesson_value, { done: l.done, total: l.total }));
  }

  function showHome(s) {
    var home = doc.querySelector("[data-course-home]");
    if (!home) return;
    bar(doc.getElementById("course-module-progress"), s.percent, 100, fmt(ui.module_value, { percent: s.percent }));
    home.querySelector(".course-home-progress__summary").textContent =
      [fmt(ui.lessons_value, { done: s.lessonsDone, total: s.lessonsTotal }), quizText(s)].filter(Boolean).join(" · ");
    home.querySelector(".course-home-progress__complete").hidden = !s.complete;
    var start = home.querySelector(".course-start"), last = R.record().last, note = home.querySelector(".course-home-progress__last");
    if (!start.getAttribute("data-first")) start.setAttribute("data-first", start.getAttribute("href"));
    if (last && last.page) {
      start.setAttribute("href", last.page + (last.section ? "#" + encodeURIComponent(last.section) : ""));
      start.textContent = ui.continue;
      note.textContent = fmt(ui.last_visited, { page: last.title || last.page });
      note.hidden = false;
    } else {
      start.setAttribute("href", start.getAttribute("data-first"));
      start.textContent = ui.start;
      note.hidden = true;
    }
  }

  function showCertificate(s) {
    var main = doc.querySelector("[data-course-certificate]");
    if (!main) return;
    var record = R.record(), notYet = main.querySelector(".not-yet"), article = main.querySelector(".certificate");
    notYet.hidden = s.complete;
    article.hidden = !s.complete;
    notYet.textContent = s.complete ? "" : ui.certificate_not_yet + " " +
      [fmt(ui.lessons_value, { done: s.lessonsDone, total: s.lessonsTotal }), quizText(s)].filter(Boolean).join(" · ");
    var when = record.completed ? new Date(record.completed) : new Date();
    try { when = new Intl.DateTimeFormat(R.config.lang, { dateStyle: "long" }).format(when); } catch (e) { when = when.toDateString(); }
    main.querySelector("[data-course-certificate-date]").textContent = when;
    main.querySelector("[data-course-certificate-score]").textContent = s.best === null || s.best === undefined ? "\u2014" : s.best + "%";
  }

  function show(s) { showNav(s); showLesson(s); showHome(s); showCertificate(s); }

  function anchor() {
    return doc.querySelector("[data-course-lesson], [data-course-home]") || doc.querySelector(".md-content__inner, main") || doc.body;
  }

  /* Told once per tab: with storage off only window.name outlives the page. */
  function storageNote() {
    var told = "course-storage-off-told";
    if (R.persistent || String(window.name).indexOf(told) >= 0) return;
    try { window.name = (window.name ? window.name + " " : "") + told; } catch (e) { /* told again next page */ }
    var note = el("p", "course-record-note", ui.storage_off);
    note.setAttribute("role", "status");
    var at = anchor();
    at.parentNode.insertBefore(note, at);
  }

  function resumeOffer() {
    var n = R.record().narration;
    if (!n || n.page !== R.config.page || !window.CoursePlayer || !doc.querySelector("[data-course-audio='" + n.src + "']")) return;
    var box = el("p", "course-resume");
    var yes = el("button", "md-button md-button--primary course-resume__play", fmt(ui.resume_audio, { time: clock(n.position) }));
    var no = el("button", "md-button course-resume__dismiss", ui.resume_dismiss);
    yes.type = no.type = "button";
    yes.addEventListener("click", function () { box.remove(); window.CoursePlayer.resume(n.src, n.position); });
    no.addEventListener("click", function () { box.remove(); });
    box.appendChild(yes);
    box.appendChild(doc.createTextNode(" "));
    box.appendChild(no);
    var at = anchor();
    at.parentNode.insertBefore(box, at.nextSibling);
  }

  function setUp() {
    var reset = doc.querySelector(".course-reset");
    if (reset) {
      var live = el("p", "course-sr");
      live.setAttribute("role", "status");
      reset.parentNode.appendChild(live);
      reset.addEventListener("click", function () {
        if (!window.confirm(ui.reset_confirm)) return;
        R.reset();
        live.textContent = ui.reset_done;
      });
    }
    var cert = doc.querySelector("[data-course-certificate]");
    if (cert) {
      var input = cert.querySelector("#course-certificate-name"), name = cert.querySelector("[data-course-certificate-name]");
      input.addEventListener("input", function () { name.textContent = input.value; });
      cert.querySelector(".print").addEventListener("click", function () { window.print(); });
    }
    R.subscribe(show);
    show(R.summary());
    storageNote();
    resumeOffer();
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
