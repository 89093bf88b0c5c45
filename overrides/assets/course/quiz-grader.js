/* Quiz grading rules and the random draw: no DOM, so Node.js runs it against the shared vectors
   (tests/quiz/grading_vectors.json). The same rules as build_tools/quiz/grader.py: change both
   together. Exported with module.exports under Node, as window.CourseQuizGrader in the browser. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CourseQuizGrader = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var SPACES = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
  var HYPHENS = /[\u002d\u2010-\u2015\u2212]/g;
  var WRAPPING = /^["'`\u2018-\u201f\u00ab\u00bb\u2039\u203a ]+|["'`\u2018-\u201f\u00ab\u00bb\u2039\u203a.\u2026\u3002 ]+$/g;

  /* Case, accents and surrounding or repeated spaces ignored, a hyphen counts as a space, quotes
     around and full stops after dropped: "Πολυκαναλικό" = "πολυκαναλικο", '"Customer-retention."' =
     "customer retention". */
  function normaliseText(value) {
    return String(value).toLowerCase().normalize("NFKD").replace(MARKS, "").toLowerCase()
      .replace(/ς/g, "σ").replace(/ß/g, "ss").replace(HYPHENS, " ").replace(SPACES, " ").replace(/^ | $/g, "")
      .replace(WRAPPING, "");
  }

  function roundPoints(x) { return Math.floor(x * 100 + 0.5) / 100; }

  function ids(response) {
    if (!Array.isArray(response)) return [];
    return response.filter(function (r, i) { return typeof r === "string" && response.indexOf(r) === i; });
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* The share of the points earned, [numerator, denominator]; see grader.py credit(). */
  function credit(q, r) {
    var a = q.answer, n = 0, d = 1;
    switch (q.type) {
      case "single-choice": return [typeof r === "string" && r === a ? 1 : 0, 1];
      case "true-false": return [typeof r === "boolean" && r === a ? 1 : 0, 1];
      case "short-text":
        var typed = typeof r === "string" ? normaliseText(r) : "";
        return [typed && a.some(function (x) { return normaliseText(x) === typed; }) ? 1 : 0, 1];
      case "multiple-response":
        var optionIds = q.options.map(function (o) { return o.id; });
        var chosen = ids(r).filter(function (x) { return optionIds.indexOf(x) >= 0; });
        var right = chosen.filter(function (x) { return a.indexOf(x) >= 0; }).length;
        var wrong = chosen.length - right, c = a.length, w = Math.max(1, q.options.length - a.length);
        n = Math.max(0, right * w - wrong * c); d = c * w;
        break;
      case "matching":
        var given = r && typeof r === "object" && !Array.isArray(r) ? r : {};
        n = q.items.filter(function (i) { return has(a, i.id) && has(given, i.id) && given[i.id] === a[i.id]; }).length;
        d = q.items.length;
        break;
      case "ordering":
        var order = Array.isArray(r) ? r : [];
        n = a.filter(function (id, i) { return i < order.length && order[i] === id; }).length;
        d = a.length;
        break;
      default: return [0, 1];
    }
    if (q.partial_credit === false && n !== d) n = 0;
    return [n, Math.max(1, d)];
  }

  /* {score, points, status: correct|partial|incorrect, feedback: [texts]} */
  function gradeResponse(q, r) {
    var share = credit(q, r), n = share[0], d = share[1];
    var status = n === d ? "correct" : n > 0 ? "partial" : "incorrect";
    var feedback = [];
    if (q.type === "single-choice" || q.type === "multiple-response") {
      var chosen = q.type === "multiple-response" ? ids(r) : typeof r === "string" ? [r] : [];
      q.options.forEach(function (o) { if (chosen.indexOf(o.id) >= 0 && o.feedback) feedback.push(o.feedback); });
    }
    var fb = q.feedback || {};
    var general = fb[status] || (status === "partial" ? fb.incorrect : "");
    if (general) feedback.push(general);
    return { score: roundPoints(q.points * n / d), points: q.points, status: status, feedback: feedback };
  }

  /* {score, points, percent, passed, lessons: [{lesson, correct, total, score, points}]} */
  function scoreAttempt(questions, responses, passMark) {
    var lessons = [], byId = {}, score = 0, points = 0;
    questions.forEach(function (q) {
      var g = gradeResponse(q, has(responses, q.id) ? responses[q.id] : null);
      var l = byId[q.lesson];
      if (!l) { l = byId[q.lesson] = { lesson: q.lesson, correct: 0, total: 0, score: 0, points: 0 }; lessons.push(l); }
      l.total += 1;
      l.correct += g.status === "correct" ? 1 : 0;
      l.score = roundPoints(l.score + g.score);
      l.points += q.points;
      score = roundPoints(score + g.score);
      points += q.points;
    });
    return { score: score, points: points, percent: points ? Math.floor(100 * score / points + 0.5) : 0,
      passed: points > 0 && score * 100 >= passMark * points, lessons: lessons };
  }

  function shuffle(list, random) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1)), t = out[i];
      out[i] = out[j]; out[j] = t;
    }
    return out;
  }

  function same(a, b) { return !!b && a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

  /* A random order of ids that differs from each order in avoid (when it can): a retry
     always looks reshuffled, and an ordering question never starts in its right order. */
  function shuffleAvoiding(list, avoid, random) {
    var out = shuffle(list, random);
    for (var turns = 0; turns < out.length && avoid.some(function (x) { return same(out, x); }); turns++) {
      out.push(out.shift());
    }
    return out;
  }

  /* count questions, balanced across lessons and covering every learning outcome: first one
     random question per outcome (q.outcome, in a random order of outcomes), each from the
     lesson that has given fewest so far; then the lessons take turns (in a random order, the
     one that has given fewest first), each giving a random question of its own, until count
     are drawn; then the draw is shuffled. Questions without an outcome skip the first part. */
  function drawQuestions(questions, count, random) {
    var groups = {}, lessons = [], drawn = [], given = {}, outcomes = [];
    questions.forEach(function (q) {
      if (!groups[q.lesson]) { groups[q.lesson] = []; lessons.push(q.lesson); given[q.lesson] = 0; }
      groups[q.lesson].push(q);
      if (q.outcome != null && outcomes.indexOf(q.outcome) < 0) outcomes.push(q.outcome);
    });
    lessons = shuffle(lessons, random);
    lessons.forEach(function (l) { groups[l] = shuffle(groups[l], random); });
    function take(l, q) { groups[l].splice(groups[l].indexOf(q), 1); drawn.push(q); given[l]++; }
    function fewest(accept) {
      return lessons.reduce(function (best, l) {
        return accept(l) && (best === null || given[l] < given[best]) ? l : best;
      }, null);
    }
    shuffle(outcomes, random).forEach(function (o) {
      function tests(q) { return q.outcome === o; }
      var l = drawn.length < count ? fewest(function (x) { return groups[x].some(tests); }) : null;
      if (l !== null) take(l, groups[l].filter(tests)[0]);
    });
    function has(x) { return groups[x].length > 0; }
    for (var l = fewest(has); drawn.length < count && l !== null; l = fewest(has)) take(l, groups[l][0]);
    return shuffle(drawn, random);
  }

  return { normaliseText: normaliseText, roundPoints: roundPoints, gradeResponse: gradeResponse,
    scoreAttempt: scoreAttempt, shuffle: shuffle, shuffleAvoiding: shuffleAvoiding, drawQuestions: drawQuestions };
});
