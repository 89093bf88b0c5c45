/* The LMS adapter of the learner record (record.js) for pages that run inside an LMS package.
   The package's launch page (lms.html, built_tools/lms/) holds the one LMS session: SCORM 1.2
   (window.API), SCORM 2004 (window.API_1484_11) or cmi5 (launch parameters), found at run time.
   A page inside it finds that session in a parent window and registers this adapter; on the
   standalone site there is none and the record keeps its local adapter. Lesson, quiz and player
   code never see any of this. Also: the compact encoding of the record for cmi.suspend_data
   (build_tools/lms/README.md), shared with Node.js tests (module.exports). Plain ES2017. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (root.document) (root.CourseRecordAdapters = root.CourseRecordAdapters || []).push(api.adapter);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var FORMAT = "r1";

  /* A short stable key for a lesson/section id pair: FNV-1a, 32 bits, base 36. */
  function key(lesson, section) {
    var h = 0x811c9dc5, s = lesson + "/" + section;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(36);
  }

  function code(f) {          // a section's facts as one character: o opened, e end seen, d done; digit: heard in tenths
    if (!f) return "";
    if (f.done) return "d";
    var c = f.end ? "e" : f.opened ? "o" : "";
    var heard = Math.min(9, Math.floor((f.heard || 0) * 10));
    return c + (heard ? String(heard) : "");
  }

  function facts(c) {
    var f = {};
    if (c.indexOf("d") >= 0) { f.opened = 1; f.end = 1; f.done = 1; }
    if (c.indexOf("e") >= 0) { f.opened = 1; f.end = 1; }
    if (c.indexOf("o") >= 0) f.opened = 1;
    var digit = c.replace(/[^0-9]/g, "");
    if (digit) f.heard = Number(digit) / 10;
    return f;
  }

  /* One character per section, for the positional form: - nothing, o opened, e end seen, d done,
     1-9 opened and that many tenths of its narration heard. */
  function letter(f) {
    if (!f) return "-";
    if (f.done) return "d";
    if (f.end) return "e";
    var heard = Math.min(9, Math.floor((f.heard || 0) * 10));
    return heard ? String(heard) : f.opened ? "o" : "-";
  }
  function fromLetter(c) {
    if (c === "d") return { opened: 1, end: 1, done: 1 };
    if (c === "e") return { opened: 1, end: 1 };
    if (c === "o") return { opened: 1 };
    if (/[1-9]/.test(c)) return { opened: 1, heard: Number(c) / 10 };
    return null;
  }

  /* The record in as few characters as the LMS allows. Section marks come first, keyed by a short
     hash of lesson and section id (robust to added or removed sections); a course too large for
     that gets the positional form, one letter per section with a digest of the lesson's section
     ids. Then, while there is room: the bookmark, the paused narration, the attempt in progress. */
  function encode(record, config, limit) {
    var s = {}, p = {}, sections = record.sections || {};
    config.lessons.forEach(function (l) {
      var lesson = sections[l.id] || {};
      l.sections.forEach(function (id) { var c = code(lesson[id]); if (c) s[key(l.id, id)] = c; });
      if (sections[l.id] && !l.sections.length) s[key(l.id, "")] = "v";
      var letters = l.sections.map(function (id) { return letter(lesson[id]); }).join("");
      if (sections[l.id]) p[key(l.id, "")] = key(l.sections.join("/"), "") + ":" + letters;
    });
    var q = record.quiz || {};
    var out = { f: FORMAT, s: s, q: [q.best === null || q.best === undefined ? -1 : q.best, q.passed ? 1 : 0] };
    if (record.completed) out.c = 1;
    if (JSON.stringify(out).length > limit) { delete out.s; out.p = p; }
    var optional = [
      ["l", record.last ? [record.last.page, record.last.section || ""] : null],
      ["n", record.narration ? [record.narration.page, record.narration.src, Math.round(record.narration.position),
        Math.round(record.narration.duration), record.narration.title || ""] : null],
      ["a", q.attempt || null]];
    var text = JSON.stringify(out);
    optional.forEach(function (part) {
      if (part[1] === null) return;
      var copy = JSON.parse(text);
      copy[part[0]] = part[1];
      var longer = JSON.stringify(copy);
      if (longer.length <= limit) text = longer;
    });
    return text;
  }

  function decode(text, config) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || data.f !== FORMAT) return null;
    var record = { schema: 2, lang: config.lang, sections: {}, last: null, narration: null,
      quiz: { best: data.q && data.q[0] >= 0 ? data.q[0] : null, passed: !!(data.q && data.q[1]), last: null,
        attempt: data.a || null }, completed: data.c ? "lms" : null, updated: null };
    config.lessons.forEach(function (l) {
      if (data.p) {                       // positional: only while the lesson's sections are the same
        var entry = data.p[key(l.id, "")], parts = entry ? entry.split(":") : null;
        if (!parts) return;
        record.sections[l.id] = {};
        if (parts[0] !== key(l.sections.join("/"), "")) return;
        l.sections.forEach(function (id, i) { var f = fromLetter(parts[1].charAt(i)); if (f) record.sections[l.id][id] = f; });
        return;
      }
      l.sections.forEach(function (id) {
        var c = data.s[key(l.id, id)];
        if (c) (record.sections[l.id] = record.sections[l.id] || {})[id] = facts(c);
      });
      if (data.s[key(l.id, "")]) record.sections[l.id] = record.sections[l.id] || {};
    });
    if (data.l) record.last = { page: data.l[0], section: data.l[1] || null, title: "" };
    if (data.n) record.narration = { page: data.n[0], src: data.n[1], position: data.n[2], duration: data.n[3], title: data.n[4] };
    return record;
  }

  /* What the LMS is told besides the record: status facts from the record's summary. */
  function statusFacts(record, summary, config) {
    var rules = config.rules || {}, lessonsDone = summary ? summary.lessonsDone === summary.lessonsTotal : false;
    return { complete: !!(summary && summary.complete), contentComplete: rules.lessons === false ? !!(summary && summary.complete) : lessonsDone,
      quizCounts: !!(summary && summary.quizCounts), passed: !!(record.quiz && record.quiz.passed),
      attempted: !!(record.quiz && record.quiz.last), best: record.quiz ? record.quiz.best : null,
      percent: summary ? summary.percent : 0,
      location: record.last ? record.last.page + (record.last.section ? "#" + record.last.section : "") : "" };
  }

  function findSession(win) {
    for (var w = win, n = 0; w && n < 10; n++) {
      try { if (w.CourseLmsSession) return w.CourseLmsSession; } catch (e) { return null; }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  }

  var adapter = {
    detect: function (win) { return !!findSession(win); },
    create: function (win, config) {
      var session = findSession(win), folder = session.folderOf(win.location.href);
      win.addEventListener("pagehide", function () { session.commit(); });
      return {
        name: session.kind, persistent: true,
        load: function () { var text = session.load(); return text ? decode(text, config) : null; },
        save: function (lang, record, summary) {
          var f = statusFacts(record, summary || (win.CourseRecord && win.CourseRecord.summary && win.CourseRecord.summary()), config);
          if (f.location) f.location = folder + f.location;
          session.save(encode(record, config, session.limit), f);
        },
        reportCompletion: function () { /* save() carries the status facts every time */ },
        reportScore: function (lang, detail) { session.score(detail || {}); }
      };
    }
  };

  return { FORMAT: FORMAT, key: key, encode: encode, decode: decode, statusFacts: statusFacts, adapter: adapter };
});
