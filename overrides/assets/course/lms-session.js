/* The one LMS session of an LMS package, run by its launch page (lms.html): finds the LMS at run
   time — a SCORM 2004 API (API_1484_11) or SCORM 1.2 API (API) in a parent or opener window, or
   cmi5 launch parameters in the URL — opens the session once, shows the course in a frame, and
   closes the session when the learner leaves. Pages in the frame reach it through
   window.CourseLmsSession (lms-adapter.js). What is sent when: build_tools/lms/README.md.
   Plain ES2017, no dependencies. */
(function () {
  "use strict";
  var launch = JSON.parse(document.getElementById("course-lms").textContent);
  var frame = document.getElementById("course-frame");
  var started = Date.now(), base = new URL(".", location.href).href;

  function findApi(name) {
    function climb(w) {
      for (var n = 0; w && n < 10; n++) {
        try { if (w[name]) return w[name]; } catch (e) { return null; }
        if (w.parent === w) break;
        w = w.parent;
      }
      return null;
    }
    return climb(window.parent !== window ? window.parent : null) || (window.opener ? climb(window.opener) : null);
  }

  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }
  function scorm12Time(ms) {
    var s = ms / 1000, h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad((s % 60).toFixed(2), 5);
  }
  function isoDuration(ms) {
    var s = ms / 1000, h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    return "PT" + h + "H" + m + "M" + (s % 60).toFixed(2) + "S";
  }

  /* cmi.interactions and xAPI share these: the response and the key in SCORM 2004's formats. */
  var TYPES = { "single-choice": "choice", "multiple-response": "choice", "true-false": "true-false",
    "short-text": "fill-in", matching: "matching", ordering: "sequencing" };
  function plainText(t) { return String(t === null || t === undefined ? "" : t).replace(/[{}]/g, "").slice(0, 250); }
  function pattern(type, value) {
    if (value === null || value === undefined) return "";
    if (type === "single-choice") return String(value);
    if (type === "multiple-response" || type === "ordering") return [].concat(value).join("[,]");
    if (type === "true-false") return value ? "true" : "false";
    if (type === "short-text") return plainText(String(value).trim());
    if (type === "matching") return Object.keys(value).map(function (k) { return k + "[.]" + value[k]; }).join("[,]");
    return String(value);
  }
  function correctPatterns(a) {
    if (a.type === "short-text") return [].concat(a.answer || []).slice(0, 5).map(plainText);
    return [pattern(a.type, a.answer)];
  }
  function resultOf(a) { return a.status === "correct" ? "correct" : a.status === "incorrect" ? "incorrect" : String(Math.round(100 * a.score / (a.points || 1)) / 100); }

  /* ---- SCORM 1.2 and 2004: one driver each over the API object ---- */
  function scormDriver(api, kind) {
    var v12 = kind === "scorm12", dirty = false, timer = null, finished = false;
    var call = v12 ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish" }
      : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate" };
    function get(k) { return String(api[call.get](k) || ""); }
    function set(k, v) { api[call.set](k, String(v)); dirty = true; }
    function commitNow() { clearTimeout(timer); timer = null; if (dirty && !finished) { api[call.commit](""); dirty = false; } }
    function commitSoon() { if (!timer) timer = setTimeout(commitNow, 2000); }
    api[call.init]("");
    var stored = get("cmi.suspend_data"), bookmark = get(v12 ? "cmi.core.lesson_location" : "cmi.location");
    var last = { status: null, completion: null, success: null, best: null };
    if (v12) set("cmi.core.score.min", 0), set("cmi.core.score.max", 100);
    dirty = false;

    function status12(f) {
      if (f.complete) return f.quizCounts ? "passed" : "completed";
      if (f.quizCounts && f.attempted && !f.passed) return "failed";
      return "incomplete";
    }
    function scoreTo(best) {
      if (best === null || best === undefined || best === last.best) return;
      last.best = best;
      if (v12) { set("cmi.core.score.raw", best); return; }
      set("cmi.score.scaled", best / 100); set("cmi.score.raw", best); set("cmi.score.min", 0); set("cmi.score.max", 100);
    }
    function objectives(answers) {
      var outcomes = {};
      answers.forEach(function (a) {
        if (a.outcome === undefined || a.outcome === null) return;
        var o = outcomes[a.outcome] = outcomes[a.outcome] || { score: 0, points: 0 };
        o.score += a.score; o.points += a.points;
      });
      Object.keys(outcomes).forEach(function (id) {
        var count = Number(get("cmi.objectives._count")) || 0, n = count;
        for (var i = 0; i < count; i++) if (get("cmi.objectives." + i + ".id") === "outcome-" + id) n = i;
        var o = outcomes[id], scaled = o.points ? Math.round(1000 * o.score / o.points) / 1000 : 0;
        set("cmi.objectives." + n + ".id", "outcome-" + id);
        set("cmi.objectives." + n + ".score.scaled", scaled);
        set("cmi.objectives." + n + ".success_status", scaled * 100 >= launch.mastery ? "passed" : "failed");
        set("cmi.objectives." + n + ".completion_status", "completed");
      });
    }
    function interactions(answers) {
      answers.forEach(function (a) {
        var n = Number(get("cmi.interactions._count")) || 0, p = "cmi.interactions." + n + ".";
        set(p + "id", a.id);
        set(p + "type", TYPES[a.type]);
        set(p + "timestamp", new Date().toISOString().replace(/Z$/, "").slice(0, 22));
        set(p + "weighting", a.points);
        if (a.outcome !== undefined && a.outcome !== null) set(p + "objectives.0.id", "outcome-" + a.outcome);
        correctPatterns(a).forEach(function (c, i) { set(p + "correct_responses." + i + ".pattern", c); });
        if (a.response !== null && a.response !== undefined && pattern(a.type, a.response) !== "") set(p + "learner_response", pattern(a.type, a.response));
        set(p + "result", resultOf(a));
      });
    }
    return {
      kind: kind, limit: v12 ? 4096 : 64000, bookmark: bookmark,
      load: function () { return stored; },
      save: function (data, f) {
        if (data !== stored) { set("cmi.suspend_data", data); stored = data; }
        if (f.location) set(v12 ? "cmi.core.lesson_location" : "cmi.location", f.location);
        scoreTo(f.best);
        if (v12) {
          var s = status12(f);
          if (s !== last.status) { set("cmi.core.lesson_status", s); last.status = s; return commitNow(); }
        } else {
          var c = f.contentComplete ? "completed" : "incomplete";
          var ok = f.quizCounts ? (f.passed ? "passed" : f.attempted ? "failed" : "unknown") : (f.complete ? "passed" : "unknown");
          set("cmi.progress_measure", Math.min(1, f.percent / 100));
          if (c !== last.completion || ok !== last.success) {
            set("cmi.completion_status", c); set("cmi.success_status", ok);
            last.completion = c; last.success = ok;
            return commitNow();
          }
        }
        commitSoon();
      },
      score: function (detail) {
        if (!v12 && detail.answers) { interactions(detail.answers); objectives(detail.answers); }
        commitNow();
      },
      commit: commitNow,
      finish: function () {
        if (finished) return;
        set(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? scorm12Time(Date.now() - started) : isoDuration(Date.now() - started));
        set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
        commitNow();
        finished = true;
        api[call.finish]("");
      }
    };
  }

  /* ---- cmi5: the launch protocol and the xAPI statements, written out (README says why) ---- */
  function cmi5Driver(params, done) {
    var actor = JSON.parse(params.get("actor")), registration = params.get("registration");
    var activityId = params.get("activityId"), endpoint = params.get("endpoint").replace(/\/?$/, "/");
    var token = null, launchData = {}, stored = "", flags = { completed: false, passed: false }, sessionSent = {};
    var STATE = "https://w3id.org/xapi/cmi5/ext/course-record";
    var CAT = { id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" };
    var MOVEON = { id: "https://w3id.org/xapi/cmi5/context/categories/moveon" };
    var VERB = function (v) { return { id: "http://adlnet.gov/expapi/verbs/" + v, display: { "en-US": v } }; };

    function headers(json) {
      var h = { "X-Experience-API-Version": "1.0.3", Authorization: "Basic " + token };
      if (json) h["Content-Type"] = "application/json";
      return h;
    }
    function stateUrl(id) {
      return endpoint + "activities/state?" + new URLSearchParams({ stateId: id, activityId: activityId,
        agent: JSON.stringify(actor), registration: registration }).toString();
    }
    function uuid() {
      var b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = b[6] & 15 | 64; b[8] = b[8] & 63 | 128;
      var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
      return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }
    function context(categories, parent) {
      var t = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
      t.registration = registration;
      t.contextActivities = t.contextActivities || {};
      if (categories) t.contextActivities.category = (t.contextActivities.category || []).concat(categories);
      if (parent) t.contextActivities.parent = [{ id: activityId, objectType: "Activity" }];
      return t;
    }
    /* Statements wait in one list and go to the LRS as one batch (xAPI takes an array), one batch
       at a time so their order holds. When the page goes away, whatever waits goes at once with
       the last statement, as a keepalive request, so closing the window loses nothing. */
    var pending = [], sending = null;
    function post(batch, keepalive) {
      return fetch(endpoint + "statements", { method: "POST", headers: headers(true), body: JSON.stringify(batch), keepalive: !!keepalive });
    }
    function flush() {
      if (sending || !pending.length) return;
      var batch = pending;
      pending = [];
      sending = post(batch, false).then(function (r) { if (!r.ok) throw new Error(r.status); })
        .catch(function () { pending = batch.concat(pending); })      /* kept for the next try */
        .then(function () { sending = null; if (pending.length) setTimeout(flush, 1000); });
    }
    function send(statement, now) {
      statement.id = uuid();
      statement.actor = actor;
      statement.timestamp = new Date().toISOString();
      pending.push(statement);
      if (!now) return flush();
      var batch = pending;
      pending = [];
      post(batch, true).catch(function () {});
    }
    function defined(verb, result, moveOn, keepalive) {
      if (sessionSent[verb]) return;
      sessionSent[verb] = true;
      var s = { verb: VERB(verb), object: { id: activityId, objectType: "Activity" }, context: context(moveOn ? [CAT, MOVEON] : [CAT]) };
      if (result) s.result = result;
      return send(s, keepalive);
    }
    function saveState(keepalive) {
      var body = JSON.stringify({ record: stored, flags: flags });
      return fetch(stateUrl(STATE), { method: "PUT", headers: headers(true), body: body, keepalive: !!keepalive }).catch(function () {});
    }
    var saveTimer = null;
    function answered(a) {
      var lang = launch.lang, definition = { type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        interactionType: TYPES[a.type], name: {}, correctResponsesPattern: correctPatterns(a) };
      definition.name[lang] = a.text || a.id;
      if (a.options && (a.type === "single-choice" || a.type === "multiple-response")) definition.choices = a.options.map(function (o) { var d = {}; d[lang] = o.text; return { id: o.id, description: d }; });
      if (a.items && a.type === "ordering") definition.choices = a.items.map(function (o) { var d = {}; d[lang] = o.text; return { id: o.id, description: d }; });
      if (a.type === "matching") {
        definition.source = (a.items || []).map(function (o) { var d = {}; d[lang] = o.text; return { id: o.id, description: d }; });
        definition.target = (a.options || []).map(function (o) { var d = {}; d[lang] = o.text; return { id: o.id, description: d }; });
      }
      send({ verb: VERB("answered"), object: { id: activityId + "/question/" + encodeURIComponent(a.id), objectType: "Activity", definition: definition },
        context: context(null, true),
        result: { response: pattern(a.type, a.response), success: a.status === "correct",
          score: { raw: a.score, min: 0, max: a.points, scaled: a.points ? Math.round(10000 * a.score / a.points) / 10000 : 0 } } });
    }
    function duration() { return isoDuration(Date.now() - started); }
    var session = {
      kind: "cmi5", limit: Infinity, bookmark: "",
      load: function () { return stored; },
      save: function (data, f) {
        stored = data;
        if (f.location) session.bookmark = f.location;
        if (f.contentComplete && !flags.completed) {
          flags.completed = true;
          defined("completed", { completion: true, duration: duration() }, true);
        }
        clearTimeout(saveTimer);
        saveTimer = setTimeout(saveState, 1500);
      },
      score: function (detail) {
        (detail.answers || []).forEach(answered);
        if (flags.passed || launchData.launchMode && launchData.launchMode !== "Normal") return;
        var mastery = launchData.masteryScore !== undefined ? launchData.masteryScore : launch.mastery / 100;
        var scaled = Math.round(100 * detail.percent) / 10000, passed = scaled >= mastery;
        if (passed) flags.passed = true;
        if (!passed && (sessionSent.failed || sessionSent.passed)) return;
        defined(passed ? "passed" : "failed", { success: passed, duration: duration(),
          score: { scaled: scaled, raw: detail.percent, min: 0, max: 100 } }, true);
        saveState();
      },
      commit: function () { clearTimeout(saveTimer); saveState(true); },
      finish: function () {
        if (sessionSent.terminated) return;
        clearTimeout(saveTimer);
        saveState(true);
        defined("terminated", { duration: duration() }, false, true);
      }
    };
    fetch(params.get("fetch"), { method: "POST" }).then(function (r) { return r.json(); }).then(function (t) {
      token = t["auth-token"];
      return fetch(stateUrl("LMS.LaunchData"), { headers: headers() });
    }).then(function (r) { return r.ok ? r.json() : {}; }).then(function (data) {
      launchData = data || {};
      return fetch(stateUrl(STATE), { headers: headers() });
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (saved) {
      if (saved) { stored = saved.record || ""; flags = saved.flags || flags; }
      return defined("initialized");
    }).then(function () { done(session); }).catch(function () { done(null); });
  }

  function open(session) {
    window.CourseLmsSession = session;
    if (session) {
      session.folderOf = function (href) {
        var path = href.split("#")[0].split("?")[0];
        return path.indexOf(base) === 0 ? path.slice(base.length).replace(/[^/]*$/, "") : "";
      };
      session.pagehide = false;
      window.addEventListener("pagehide", function () { session.finish(); });
    }
    var start = session && session.bookmark ? session.bookmark : launch.start;
    frame.src = /^[\w\-./#]+$/.test(start) && start.indexOf("..") < 0 ? start : launch.start;
    frame.addEventListener("load", function () {
      try { document.title = frame.contentDocument.title || document.title; } catch (e) { /* another origin */ }
    });
  }

  var params = new URLSearchParams(location.search), api2004 = findApi("API_1484_11"), api12 = api2004 ? null : findApi("API");
  if (params.get("endpoint") && params.get("fetch")) cmi5Driver(params, open);
  else if (api2004) open(scormDriver(api2004, "scorm2004"));
  else if (api12) open(scormDriver(api12, "scorm12"));
  else open(null);        /* no LMS (opened from a folder): the course runs as the standalone site */
})();
