// The draw of quiz-grader.js covers every learning outcome in every attempt (pytest runs it:
// tests/quiz/test_draw_outcomes.py). With QUIZ_JSON set to a page's quiz data, it also
// checks that bank: every one of 2,000 attempts holds every outcome and 3 questions per lesson.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");
const g = require(path.join(__dirname, "..", "..", "overrides", "assets", "course", "quiz-grader.js"));

function seeded(seed) {                         // mulberry32, as in draw.test.js
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [lesson, outcome, how many]: a bank where one outcome is rare and sits in one lesson only.
function bank(rows) {
  const out = [];
  rows.forEach(([lesson, outcome, n]) => {
    for (let i = 0; i < n; i++) out.push({ id: `${lesson}-${outcome}-${i}`, lesson, outcome });
  });
  return out;
}

function countBy(questions, key) {
  const counts = {};
  questions.forEach((q) => { counts[q[key]] = (counts[q[key]] || 0) + 1; });
  return counts;
}

const RARE = bank([["a", 1, 6], ["a", 2, 1], ["b", 1, 4], ["b", 3, 2], ["c", 4, 5], ["c", 5, 1], ["d", 6, 1], ["d", 1, 5]]);

test("every attempt holds every outcome, even one that has a single question", () => {
  for (let seed = 1; seed <= 500; seed++) {
    const drawn = g.drawQuestions(RARE, 8, seeded(seed));
    assert.strictEqual(drawn.length, 8);
    assert.strictEqual(new Set(drawn.map((q) => q.id)).size, 8);
    assert.deepStrictEqual(Object.keys(countBy(drawn, "outcome")).sort(), ["1", "2", "3", "4", "5", "6"], `seed ${seed}`);
  }
});

test("covering the outcomes keeps the lessons balanced", () => {
  for (let seed = 1; seed <= 500; seed++) {
    const counts = countBy(g.drawQuestions(RARE, 8, seeded(seed)), "lesson");
    assert.deepStrictEqual(Object.values(counts), [2, 2, 2, 2], JSON.stringify(counts));
  }
});

test("fewer questions than outcomes: each drawn question tests another outcome", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const drawn = g.drawQuestions(RARE, 4, seeded(seed));
    assert.strictEqual(new Set(drawn.map((q) => q.outcome)).size, 4);
  }
});

test("the rare questions are not always drawn in the same company", () => {
  const seen = new Set();
  for (let seed = 1; seed <= 100; seed++) seen.add(g.drawQuestions(RARE, 8, seeded(seed)).map((q) => q.id).sort().join());
  assert.ok(seen.size > 20, `${seen.size} different draws`);
});

if (process.env.QUIZ_JSON) {
  test(`the bank of ${process.env.QUIZ_JSON}: every attempt covers every outcome, lessons balanced`, () => {
    const data = JSON.parse(fs.readFileSync(process.env.QUIZ_JSON, "utf-8"));
    const outcomes = Object.keys(countBy(data.questions, "outcome")).sort();
    const lessons = Object.keys(countBy(data.questions, "lesson")).length;
    const per = Math.floor(data.perAttempt / lessons);
    for (let seed = 1; seed <= 2000; seed++) {
      const drawn = g.drawQuestions(data.questions, data.perAttempt, seeded(seed));
      assert.strictEqual(drawn.length, data.perAttempt);
      assert.deepStrictEqual(Object.keys(countBy(drawn, "outcome")).sort(), outcomes, `seed ${seed}`);
      const counts = Object.values(countBy(drawn, "lesson"));
      assert.ok(Math.min(...counts) >= per && Math.max(...counts) <= per + 1, `seed ${seed}: ${counts}`);
    }
  });
}
