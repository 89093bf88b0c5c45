/* The learner record: the one owner of a learner's progress in the browser, one record per language.
   Lesson pages, the quiz and the player REPORT events (CourseRecord.report); only this script
   decides what is done, and only the adapter it picks at start-up (local storage today; SCORM 1.2,
   SCORM 2004, cmi5 later) talks to the outside. Schema, events, rules and the adapter interface:
   build_tools/record/README.md. Plain ES2017; the rules need no DOM, so Node.js runs the shared
   vectors (tests/record/record_vectors.json) against them. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (root.document) root.CourseRecord = api.start(root);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var SCHEMA = 2;

  function now() { return new Date().toISOString(); }
  function obj(x) { return x && typeof x === "object" && !Array.isArray(x) ? x : {}; }

  function emptyRecord(lang) {
    return { schema: SCHEMA, lang: lang, sections: {}, last: null, narration: null,
      quiz: { best: null, passed: false, last: null, attempt: null }, completed: null, updated: null };
  }

  /* Any stored value -> a record of this schema. 1: what quiz.js kept before the record existed
     ("course-quiz:<lang>": {attempt, best}); 2: this schema. Unknown fields of a newer schema are kept. */
  function migrate(stored, lang, passMark) {
    var r = emptyRecord(lang), s = obj(stored);
    if (s.schema === undefined && (s.best !== undefined || s.attempt !== undefined)) {
      var best = typeof s.best === "number" ? s.best : null;
      r.quiz = { best: best, passed: best !== null && passMark !== null && passMark !== undefined && best >= passMark,
        last: null, attempt: s.attempt || null };
      return r;
    }
    if (typeof s.schema !== "number") return r;
    Object.keys(s).forEach(function (k) { r[k] = s[k]; });
    r.schema = Math.max(SCHEMA, s.schema);
    r.lang = lang;
    r.sections = obj(s.sections);
    r.quiz = Object.assign(emptyRecord(lang).quiz, obj(s.quiz));
    return r;
  }

  /* A section is done once opened and either reached its end on screen or had enough narration heard. */
  function sectionDone(facts, rules) {
    if (!facts) return false;
    if (facts.done) return true;
    return !!facts.opened && (!!(rules.endOnScreen && facts.end) || (rules.narration > 0 && (facts.heard || 0) >= rules.narration));
  }

  /* What the record means for the current build: totals come from the sections the build lists now. */
  function summarise(record, config) {
    var rules = config.rules, lessons = config.lessons.map(function (l) {
      var facts = obj(record.sections[l.id]);
      var done = l.sections.filter(function (id) { return sectionDone(facts[id], rules); }).length;
      var complete = l.sections.length ? done === l.sections.length : !!record.sections[l.id];
      return { id: l.id, href: l.href, total: l.sections.length, done: done, complete: complete,
        doneSections: l.sections.filter(function (id) { return sectionDone(facts[id], rules); }) };
    });
    var lessonsDone = lessons.filter(function (l) { return l.complete; }).length;
    var quizCounts = !!(rules.quiz && config.quiz), passed = !!record.quiz.passed;
    var parts = 0, got = 0;
    if (rules.lessons) lessons.forEach(function (l) { parts += 1; got += l.total ? l.done / l.total : (l.complete ? 1 : 0); });
    if (quizCounts) { parts += 1; got += passed ? 1 : 0; }
    var complete = (!rules.lessons || lessonsDone === lessons.length) && (!quizCounts || passed);
    return { lessons: lessons, lessonsDone: lessonsDone, lessonsTotal: lessons.length, quizCounts: quizCounts,
      quizPassed: passed, best: record.quiz.best, complete: complete,
      percent: complete ? 100 : parts ? Math.min(99, Math.floor(100 * got / parts)) : 0 };
  }

  /* Apply one event to a record (pure but for the clock): see the README for each event's detail. */
  function apply(record, type, d, config) {
    var page = d.page || config.page;
    function facts() {
      var lesson = record.sections[d.lesson] = obj(record.sections[d.lesson]);
      return (lesson[d.section] = obj(lesson[d.section]));
    }
    if (type === "page") {
      record.last = { page: page, section: d.section || null, title: d.title || "", at: now() };
      if (d.lesson) record.sections[d.lesson] = obj(record.sections[d.lesson]);
    } else if (type === "section-open" || type === "section-end") {
      var f = facts();
      if (type === "section-open") { f.opened = 1; record.last = { page: page, section: d.section, title: d.title || "", at: now() }; }
      else if (f.opened) f.end = 1;
      if (!f.done && sectionDone(f, config.rules)) f.done = now();
    } else if (type === "narration") {
      if (d.lesson && d.section && d.duration > 0) {
        var h = facts();
        h.heard = Math.max(h.heard || 0, Math.min(1, d.heard || 0));
        if (!h.done && sectionDone(h, config.rules)) h.done = now();
      }
      var resumable = d.paused && d.position > 2 && d.position < d.duration - 2;
      if (resumable) record.narration = { page: page, src: d.src, title: d.title || "", position: d.position, duration: d.duration, at: now() };
      else if (record.narration && record.narration.src === d.src && record.narration.page === page) record.narration = null;
    } else if (type === "narration-heard") {
      if (d.lesson && d.section) {             /* a section heard inside the whole-lesson track */
        var c = facts();
        c.heard = Math.max(c.heard || 0, Math.min(1, d.heard || 0));
        if (!c.done && sectionDone(c, config.rules)) c.done = now();
      }
    } else if (type === "quiz-attempt") {
      var q = record.quiz;
      q.best = Math.max(q.best || 0, d.percent);
      q.passed = q.passed || !!d.passed;
      q.last = { percent: d.percent, passed: !!d.passed, score: d.score, points: d.points, at: now() };
    } else if (type === "quiz-state") {
      record.quiz.attempt = d.attempt;
    } else if (type === "quiz-reset") {
      record.quiz = emptyRecord(record.lang).quiz;
    } else {
      return false;
    }
    return true;
  }

  /* The local adapter: localStorage, or the page's memory when storage is off (persistent: false). */
  function localAdapter(storage) {
    var memory = {}, store = null;
    try {
      storage.setItem("course-record:probe", "1");
      storage.removeItem("course-record:probe");
      store = storage;
    } catch (e) { store = null; }
    function get(key) { try { return store ? store.getItem(key) : memory[key] || null; } catch (e) { return memory[key] || null; } }
    function parse(key) { try { return JSON.parse(get(key)); } catch (e) { return null; } }
    return {
      name: "local", persistent: !!store,
      load: function (lang) {
        var stored = parse("course-record:" + lang);
        return stored !== null ? stored : parse("course-quiz:" + lang);   // schema 1: quiz.js before the record
      },
      save: function (lang, record) {
        var text = JSON.stringify(record);
        memory["course-record:" + lang] = text;
        try { if (store) { store.setItem("course-record:" + lang, text); store.removeItem("course-quiz:" + lang); } } catch (e) { /* full: this page keeps it */ }
      },
      reportCompletion: function () { /* nothing outside the browser to tell */ },
      reportScore: function () { /* nothing outside the browser to tell */ }
    };
  }

  function createRecord(config, adapter) {
    var listeners = [], passMark = config.quiz ? config.quiz.passMark : null;
    var record = migrate(adapter.load(config.lang), config.lang, passMark), state = summarise(record, config);
    function changed(type, detail) {
      var before = state;
      record.updated = now();
      state = summarise(record, config);
      if (state.complete && !record.completed) record.completed = now();
      adapter.save(config.lang, record, state);
      if (type === "quiz-attempt") adapter.reportScore(config.lang, detail);
      if (state.complete !== before.complete || type === "reset") adapter.reportCompletion(config.lang, state);
      listeners.forEach(function (fn) { try { fn(state, type); } catch (e) { /* a display must not stop the record */ } });
    }
    return {
      schema: SCHEMA, config: config, adapter: adapter.name, persistent: adapter.persistent,
      report: function (type, detail) { if (apply(record, type, obj(detail), config)) changed(type, detail); },
      summary: function () { return state; },
      record: function () { return JSON.parse(JSON.stringify(record)); },
      reset: function () { record = emptyRecord(config.lang); changed("reset", {}); },
      reload: function () {        // the page came back from the browser's cache: what storage holds now
        record = migrate(adapter.load(config.lang), config.lang, passMark);
        state = summarise(record, config);
        listeners.forEach(function (fn) { try { fn(state, "reload"); } catch (e) { /* display only */ } });
      },
      subscribe: function (fn) { listeners.push(fn); }
    };
  }

  /* In the browser: the page's config, then the first registered adapter that detects its LMS, else local. */
  function start(win) {
    var node = win.document.getElementById("course-record"), config;
    try { config = JSON.parse(node.textContent); } catch (e) { return null; }
    var adapter = null;
    (win.CourseRecordAdapters || []).some(function (a) {
      try { adapter = a.detect(win) ? a.create(win, config) : null; } catch (e) { adapter = null; }
      return !!adapter;
    });
    var storage = null;
    try { storage = win.localStorage; } catch (e) { storage = null; }
    var api = createRecord(config, adapter || localAdapter(storage || { setItem: function () { throw new Error("off"); } }));
    win.addEventListener("pageshow", function (e) { if (e.persisted) api.reload(); });
    return api;
  }

  return { SCHEMA: SCHEMA, emptyRecord: emptyRecord, migrate: migrate, sectionDone: sectionDone, summarise: summarise,
    apply: apply, localAdapter: localAdapter, createRecord: createRecord, start: start };
});
