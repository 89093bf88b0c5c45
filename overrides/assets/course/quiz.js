/* The "Test yourself" page: renders the bank embedded in the page (build_tools/quiz/page.py) and
   grades with quiz-grader.js. Plain ES2017, no dependencies, no requests: works from file://.
   The attempt in progress and the best score live in the learner record (record.js): this script
   reports to it and never writes storage itself. */
(function () {
  "use strict";
  var G = window.CourseQuizGrader;
  var ICONS = { correct: "\u2713", partial: "\u25d0", incorrect: "\u2717" };
  var HINTS = { "single-choice": "hint_single", "multiple-response": "hint_multiple", "true-false": "hint_true_false",
    "short-text": "hint_short", matching: "hint_matching", ordering: "hint_ordering" };
  var quizzes = [];

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "object" ? c : document.createTextNode(c));
    });
    return node;
  }

  var R = window.CourseRecord, kept = { attempt: null, best: null };   // kept: only if the record is missing

  function setUp(root, data) {
    var ui = data.ui, rui = R ? R.config.ui : {}, byId = {}, titles = {}, rank = {}, hrefs = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    data.lessons.forEach(function (l, i) { titles[l.id] = l.title; rank[l.id] = i; hrefs[l.id] = l.href; });
    var content = el("div", { class: "course-quiz__content" });
    var live = el("div", { class: "course-quiz__live", role: "status", "aria-live": "polite" });
    var state;
    root.textContent = "";
    root.appendChild(content);
    root.appendChild(live);

    function ids(list) { return (list || []).map(function (x) { return x.id; }); }
    function num(x) { return Number(x).toLocaleString(data.lang); }
    function save() {
      if (R) R.report("quiz-state", { attempt: state.attempt });
      else kept.attempt = state.attempt;
      counters();
    }
    function answeredCount() {
      var a = state.attempt;
      return a.ids.filter(function (id) { return answered(byId[id], a.responses[id]); }).length;
    }
    function counters() {
      var text = fmt(rui.quiz_answered || "{n} / {total}", { n: answeredCount(), total: state.attempt.ids.length });
      content.querySelectorAll(".course-quiz__counter").forEach(function (c) { c.textContent = text; });
    }
    function announce(text) {
      live.textContent = "";
      setTimeout(function () { live.textContent = text; }, 50);
    }

    function newAttempt(previous) {
      var random = Math.random, order = {};
      var drawn = G.drawQuestions(data.questions, data.perAttempt, random);
      var chosen = G.shuffleAvoiding(ids(drawn), previous ? [previous.ids] : [], random);
      drawn.forEach(function (q) {
        var before = previous && previous.order[q.id] ? [previous.order[q.id]] : [];
        if (q.type === "ordering") {
          order[q.id] = G.shuffleAvoiding(ids(q.items), [q.answer].concat(before), random);
        } else if (q.options) {
          order[q.id] = data.shuffle ? G.shuffleAvoiding(ids(q.options), before, random) : ids(q.options);
        }
      });
      return { version: data.version, ids: chosen, order: order, responses: {}, checked: {}, finished: false };
    }

    function restore() {
      var q = R ? R.record().quiz : kept;
      state = { attempt: q.attempt, best: q.best };
      var a = state.attempt;
      if (!a || a.version !== data.version || !Array.isArray(a.ids) || !a.ids.every(function (id) { return byId[id]; })) {
        state.attempt = newAttempt(null);
      }
    }

    function find(list, id) { return list.filter(function (x) { return x.id === id; })[0]; }

    function answerText(q) {
      var a = q.answer;
      switch (q.type) {
        case "single-choice": return find(q.options, a).text;
        case "multiple-response":
          return q.options.filter(function (o) { return a.indexOf(o.id) >= 0; }).map(function (o) { return o.text; }).join("; ");
        case "true-false": return a ? ui.true_label : ui.false_label;
        case "short-text": return a[0];
        case "matching":
          return q.items.map(function (i) { return i.text + " \u2192 " + find(q.options, a[i.id]).text; }).join("; ");
        default: return a.map(function (id, n) { return (n + 1) + ". " + find(q.items, id).text; }).join("; ");
      }
    }

    function answered(q, r) {
      if (q.type === "multiple-response") return !!(r && r.length);
      if (q.type === "short-text") return !!(r && r.trim());
      if (q.type === "matching") return !!r && Object.keys(r).some(function (k) { return r[k]; });
      return r !== undefined && r !== null;
    }

    /* Time on a question, for shared attempts: the gaps before each of its answers, each at most
       5 minutes (a learner away is not working on it); kept only with the local record, so an LMS's
       small suspend data is not spent on it. */
    var lastAnswerAt = Date.now();
    function respond(q, value) {
      var a = state.attempt, now = Date.now();
      if (!R || R.adapter === "local") {
        a.seconds = a.seconds || {};
        a.seconds[q.id] = Math.round((a.seconds[q.id] || 0) * 10 + Math.min(now - lastAnswerAt, 300000) / 100) / 10;
      }
      lastAnswerAt = now;
      a.responses[q.id] = value;
      save();
    }

    function mark(right) {
      return el("span", { class: "course-quiz__mark course-quiz__mark--" + (right ? "right" : "wrong"), "aria-hidden": "true",
        text: right ? ICONS.correct : ICONS.incorrect });
    }

    function choices(q, base, r, done) {
      var multiple = q.type === "multiple-response", tf = q.type === "true-false";
      var list = tf ? [{ id: "true", text: ui.true_label }, { id: "false", text: ui.false_label }]
        : state.attempt.order[q.id].map(function (id) { return find(q.options, id); });
      return list.map(function (c, i) {
        var chosen = multiple ? (r || []).indexOf(c.id) >= 0 : tf ? r === (c.id === "true") : r === c.id;
        var right = multiple ? q.answer.indexOf(c.id) >= 0 : tf ? q.answer === (c.id === "true") : q.answer === c.id;
        var input = el("input", { type: multiple ? "checkbox" : "radio", name: base, id: base + "-" + i, value: c.id,
          checked: chosen, disabled: done, onchange: function () {
            if (!multiple) return respond(q, tf ? c.id === "true" : c.id);
            var boxes = root.querySelectorAll("input[name='" + base + "']:checked");
            respond(q, Array.prototype.map.call(boxes, function (b) { return b.value; }));
          } });
        return el("div", { class: "course-quiz__choice" }, [input, el("label", { for: input.id, text: c.text }),
          done && (chosen || right) ? mark(right) : null]);
      });
    }

    function shortText(q, base, r, done) {
      var input = el("input", { type: "text", id: base + "-text", value: r || "", disabled: done, autocomplete: "off",
        spellcheck: "false", oninput: function () { respond(q, input.value); },
        onkeydown: function (e) { if (e.key === "Enter") { e.preventDefault(); check(q); } } });
      return [el("div", { class: "course-quiz__text-answer" }, [el("label", { for: input.id, text: ui.your_answer }), input])];
    }

    function matching(q, base, r, done) {
      return q.items.map(function (item, i) {
        var picked = (r || {})[item.id] || "";
        var select = el("select", { id: base + "-" + i, disabled: done, onchange: function () {
          var next = Object.assign({}, state.attempt.responses[q.id]);
          next[item.id] = select.value;
          respond(q, next);
        } }, [el("option", { value: "", text: ui.choose })].concat(state.attempt.order[q.id].map(function (id) {
          return el("option", { value: id, selected: picked === id, text: find(q.options, id).text });
        })));
        return el("div", { class: "course-quiz__pair" }, [el("label", { for: select.id, text: item.text }), select,
          done ? mark(picked === q.answer[item.id]) : null]);
      });
    }

    function ordering(q, base, r, done) {
      var shown = r || state.attempt.order[q.id], items = shown.map(function (id) { return find(q.items, id); });
      function button(item, n, step) {
        var label = step < 0 ? ui.move_up : ui.move_down;
        return el("button", { type: "button", class: "course-quiz__move course-quiz__move--" + (step < 0 ? "up" : "down"),
          "aria-label": label + ": " + item.text, disabled: done || n + step < 0 || n + step >= shown.length, text: label,
          onclick: function () { move(q, n, step); } });
      }
      return [el("ol", { class: "course-quiz__order" }, items.map(function (item, n) {
        return el("li", { "data-item": item.id }, [el("span", { class: "course-quiz__item", text: item.text }),
          button(item, n, -1), button(item, n, 1), done ? mark(q.answer[n] === item.id) : null]);
      }))];
    }

    function move(q, n, step) {
      var order = (state.attempt.responses[q.id] || state.attempt.order[q.id]).slice(), item = order[n];
      order[n] = order[n + step];
      order[n + step] = item;
      respond(q, order);
      var fresh = redraw(q);
      var target = fresh.querySelector("li[data-item='" + item + "'] .course-quiz__move--" + (step < 0 ? "up" : "down"));
      (target.disabled ? fresh.querySelector("li[data-item='" + item + "'] button:not([disabled])") : target).focus();
      announce(fmt(ui.moved, { item: find(q.items, item).text, n: n + step + 1, total: order.length }));
    }

    function feedback(q) {
      var g = G.gradeResponse(q, state.attempt.responses[q.id] === undefined ? null : state.attempt.responses[q.id]);
      return el("div", { class: "course-quiz__feedback course-quiz__feedback--" + g.status, tabindex: "-1" }, [
        el("p", { class: "course-quiz__status" }, [el("span", { class: "course-quiz__icon", "aria-hidden": "true", text: ICONS[g.status] }),
          el("strong", { text: ui[g.status] }), " \u2014 " + fmt(ui.points, { score: num(g.score), points: num(q.points) })]),
        g.status === "correct" ? null : el("p", { class: "course-quiz__answer", text: fmt(ui.correct_answer, { answer: answerText(q) }) })
      ].concat(g.feedback.map(function (t) { return el("p", { class: "course-quiz__note", text: t }); }), [
        el("p", { class: "course-quiz__explanation" }, [el("strong", { text: ui.explanation + ": " }), q.explanation]),
        q.href ? el("p", { class: "course-quiz__revisit" }, [el("a", { href: q.href, text: fmt(ui.revisit, { section: q.sectionTitle }) })]) : null
      ]));
    }

    function question(q) {
      var a = state.attempt, n = a.ids.indexOf(q.id), base = "course-quiz-" + q.id;
      var done = !!a.checked[q.id], r = a.responses[q.id];
      var body = { "short-text": shortText, matching: matching, ordering: ordering }[q.type] || choices;
      return el("fieldset", { class: "course-quiz__question", id: base, "data-question": q.id, "data-type": q.type }, [
        el("legend", {}, [el("span", { class: "course-quiz__number", text: fmt(ui.question, { n: n + 1, total: a.ids.length }) }),
          " ", el("span", { class: "course-quiz__prompt", text: q.text })]),
        el("p", { class: "course-quiz__hint", text: ui[HINTS[q.type]] }),
        q.type === "multiple-response" && rui.quiz_multiple_scoring ? el("p", { class: "course-quiz__scoring", text: rui.quiz_multiple_scoring }) : null
      ].concat(body(q, base, r, done), [
        done ? feedback(q) : el("button", { type: "button", class: "md-button course-quiz__check", text: ui.check,
          onclick: function () { check(q); } })
      ]));
    }

    function redraw(q) {
      var old = document.getElementById("course-quiz-" + q.id), fresh = question(q);
      old.parentNode.replaceChild(fresh, old);
      return fresh;
    }

    function status(q) {
      var g = G.gradeResponse(q, state.attempt.responses[q.id]);
      return fmt(ui.question, { n: state.attempt.ids.indexOf(q.id) + 1, total: state.attempt.ids.length }) + ": " +
        ui[g.status] + ". " + fmt(ui.points, { score: num(g.score), points: num(q.points) });
    }

    function check(q) {
      var a = state.attempt;
      /* An ordering question always shows an order: a learner who checks it unchanged answers with
         that order (refusing it would leave someone who agrees with the shown order stuck). */
      if (q.type === "ordering" && a.responses[q.id] === undefined) respond(q, a.order[q.id].slice());
      if (!answered(q, a.responses[q.id])) return announce(ui.answer_first);
      a.checked[q.id] = true;
      if (a.ids.every(function (id) { return a.checked[id]; })) return finish();
      save();
      redraw(q).querySelector(".course-quiz__feedback").focus();
      announce(status(q));
    }

    function result() {
      var a = state.attempt, res = G.scoreAttempt(a.ids.map(function (id) { return byId[id]; }), a.responses, data.passMark);
      var verdict = fmt(res.passed ? ui.passed : ui.failed, { pass: data.passMark });
      var score = fmt(ui.score, { percent: res.percent, score: num(res.score), points: num(res.points) });
      return { res: res, text: score + " " + verdict, node: el("section", { class: "course-quiz__result course-quiz__result--" +
          (res.passed ? "pass" : "fail"), tabindex: "-1", "aria-labelledby": "course-quiz-result" }, [
        el("h2", { id: "course-quiz-result", text: ui.result }),
        el("p", { class: "course-quiz__score", text: score }),
        el("p", { class: "course-quiz__verdict" }, [el("span", { class: "course-quiz__icon", "aria-hidden": "true",
          text: res.passed ? ICONS.correct : ICONS.incorrect }), verdict]),
        el("h3", { text: ui.by_lesson }),
        el("ul", { class: "course-quiz__lessons" }, res.lessons.sort(function (x, y) { return rank[x.lesson] - rank[y.lesson]; }).map(function (l) {
          var parts = ui.lesson_score.split("{lesson}"), values = { correct: l.correct, total: l.total };
          var name = titles[l.lesson] || l.lesson;
          return el("li", { "data-lesson": l.lesson }, [fmt(parts[0], values),
            hrefs[l.lesson] ? el("a", { href: hrefs[l.lesson], text: name }) : name, fmt(parts.slice(1).join("{lesson}"), values)]);
        })),
        el("button", { type: "button", class: "md-button course-quiz__retry", text: ui.retry, onclick: retry }),
        shareBlock()
      ]) };
    }

    /* Sharing a finished attempt with the course team (POST /api/attempts on `course serve`, see
       build_tools/attempts/): only served pages outside an LMS offer it, and nothing is sent unless the learner
       ticks the consent box. The page makes the attempt id, so a resend is stored once. Responses go
       in SCORM 2004's pattern form, as the cmi5 statements carry them. */
    function responsePattern(type, v) {
      if (v === null || v === undefined) return "";
      if (type === "multiple-response" || type === "ordering") return [].concat(v).join("[,]");
      if (type === "true-false") return v ? "true" : "false";
      if (type === "matching") return Object.keys(v).map(function (k) { return k + "[.]" + v[k]; }).join("[,]");
      return String(v).trim().slice(0, 1000);
    }
    function shareBlock() {
      var s = data.share, a = state.attempt;
      if (!s || !s.heading || !/^https?:$/.test(location.protocol) || (R && R.adapter !== "local")) return null;   /* an LMS keeps its own results */
      if (a.shared) return el("p", { class: "course-quiz__share-done", text: s.done });
      var agree = el("input", { type: "checkbox", id: "course-quiz-share-agree" });
      var note = el("p", { class: "course-quiz__share-status", role: "status" });
      var block, button = el("button", { type: "button", class: "md-button course-quiz__share-send", text: s.send, onclick: function () {
        if (!agree.checked) { note.textContent = s.need_consent; return agree.focus(); }
        if (!a.shareId) a.shareId = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join("");
        var answers = a.ids.map(function (id) {
          var x = answerOf(byId[id], a.responses[id]);
          return { question: id, response: responsePattern(x.type, x.response), score: x.score, max_score: x.points,
            seconds: a.seconds && a.seconds[id] !== undefined ? a.seconds[id] : null };
        });
        var sum = function (k) { return answers.reduce(function (t, x) { return t + x[k]; }, 0); };
        button.disabled = true;
        fetch("/api/attempts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({
          attempt_id: a.shareId, consent: true, lang: data.lang, bank_version: data.version,
          total: sum("score"), max_total: sum("max_score"), answers: answers }) })
          .then(function (r) { if (!r.ok) throw new Error(r.status); a.shared = true; save(); note.textContent = s.done; block.replaceChild(el("p", { class: "course-quiz__share-done", text: s.done }), block.querySelector("div")); })
          .catch(function () { button.disabled = false; note.textContent = s.failed; });
      } });
      block = el("section", { class: "course-quiz__share", "aria-labelledby": "course-quiz-share" }, [
        el("h3", { id: "course-quiz-share", text: s.heading }), el("p", { text: s.consent }),
        el("div", {}, [el("p", {}, [agree, " ", el("label", { for: "course-quiz-share-agree", text: s.agree })]), button]), note]);
      return block;
    }

    /* One answered question as the record's adapters report it (SCORM interactions, xAPI answered). */
    function answerOf(q, response) {
      var r = response === undefined ? null : response, g = G.gradeResponse(q, r);
      return { id: q.id, type: q.type, lesson: q.lesson, outcome: q.outcome, text: q.text, response: r, answer: q.answer,
        score: g.score, points: g.points, status: g.status, options: q.options, items: q.items };
    }

    function finish() {
      var a = state.attempt, open = a.ids.filter(function (id) { return !a.checked[id] && !answered(byId[id], a.responses[id]); });
      if (open.length && rui.quiz_unanswered_confirm &&
          !window.confirm(fmt(rui.quiz_unanswered_confirm, { count: open.length, total: a.ids.length }))) {
        var first = document.getElementById("course-quiz-" + open[0]);
        return first.querySelector("input, select, button:not([disabled])").focus();
      }
      a.ids.forEach(function (id) { a.checked[id] = true; });
      a.finished = true;
      var r = result();
      state.best = Math.max(state.best || 0, r.res.percent);
      save();
      var attempt = { percent: r.res.percent, passed: r.res.passed, score: r.res.score, points: r.res.points,
        answers: a.ids.map(function (id) { return answerOf(byId[id], a.responses[id]); }) };
      if (R) R.report("quiz-attempt", attempt);
      else kept.best = state.best;
      render();
      content.querySelector(".course-quiz__result").focus();
      announce(r.text);
    }

    function focusFirst() {
      content.querySelector(["input", "select", "button"].map(function (t) {
        return ".course-quiz__question " + t + ":not([disabled])";
      }).join()).focus();
    }

    function retry() {
      state.attempt = newAttempt(state.attempt);
      save();
      render();
      focusFirst();
    }

    function reset() {
      if (rui.quiz_reset_confirm && !window.confirm(rui.quiz_reset_confirm)) return;
      if (R) R.report("quiz-reset", {});
      else kept.best = null;
      state = { attempt: newAttempt(state.attempt) };
      save();
      render();
      focusFirst();
      announce(ui.reset_done);
    }

    function render() {
      var a = state.attempt;
      content.textContent = "";
      if (rui.quiz_intro) content.appendChild(el("p", { class: "course-quiz__intro", text: fmt(rui.quiz_intro, { count: a.ids.length, pass: data.passMark }) }));
      if (state.best !== undefined && state.best !== null) {
        content.appendChild(el("p", { class: "course-quiz__best", text: fmt(ui.best, { percent: state.best }) }));
      }
      content.appendChild(el("p", { class: "course-quiz__counter" }));
      a.ids.forEach(function (id) { content.appendChild(question(byId[id])); });
      content.appendChild(a.finished ? result().node : el("button", { type: "button",
        class: "md-button course-quiz__finish", text: ui.finish, onclick: finish }));
      content.appendChild(el("p", { class: "course-quiz__controls" }, [el("button", { type: "button",
        class: "md-button course-quiz__reset", text: ui.reset, onclick: reset })]));
      counters();
    }

    function refresh() { restore(); render(); }
    refresh();
    return refresh;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-course-quiz]"), function (root) {
      var script = document.getElementById(root.getAttribute("data-course-quiz"));
      if (!G || !script || root.getAttribute("data-ready")) return;
      root.setAttribute("data-ready", "1");
      quizzes.push(setUp(root, JSON.parse(script.textContent)));
    });
  }

  // Back/forward may show the page from the browser's cache: show what storage holds now.
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) quizzes.forEach(function (refresh) { refresh(); });
  });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);  // instant navigation
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
