// The random draw and the reshuffle of quiz-grader.js, under Node's test runner
// (pytest runs it: tests/quiz/test_grader_vectors.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("path");
const g = require(path.join(__dirname, "..", "..", "overrides", "assets", "course", "quiz-grader.js"));

function seeded(seed) {                         // a small deterministic generator (mulberry32)
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bank(counts) {
  const out = [];
  Object.entries(counts).forEach(([lesson, n]) => { for (let i = 0; i < n; i++) out.push({ id: `${lesson}-${i}`, lesson }); });
  return out;
}

function perLesson(questions) {
  const counts = {};
  questions.forEach((q) => { counts[q.lesson] = (counts[q.lesson] || 0) + 1; });
  return counts;
}

test("a draw is balanced across lessons", () => {
  const questions = bank({ a: 10, b: 8, c: 7, d: 6, e: 4 });
  for (let seed = 1; seed <= 200; seed++) {
    const drawn = g.drawQuestions(questions, 15, seeded(seed));
    assert.strictEqual(drawn.length, 15);
    assert.strictEqual(new Set(drawn.map((q) => q.id)).size, 15);
    assert.deepStrictEqual(Object.values(perLesson(drawn)), [3, 3, 3, 3, 3]);
  }
});

test("a lesson with few questions gives all it has, the others share the rest", () => {
  const questions = bank({ a: 10, b: 10, c: 1 });
  for (let seed = 1; seed <= 50; seed++) {
    const counts = perLesson(g.drawQuestions(questions, 9, seeded(seed)));
    assert.strictEqual(counts.c, 1);
    assert.deepStrictEqual([counts.a, counts.b], [4, 4]);
  }
});

test("uneven counts differ by one at most, and every lesson gets the extra question in turn", () => {
  const questions = bank({ a: 9, b: 9, c: 9, d: 9 });
  const extra = {};
  for (let seed = 1; seed <= 400; seed++) {
    const counts = perLesson(g.drawQuestions(questions, 10, seeded(seed)));
    const values = Object.values(counts);
    assert.ok(Math.max(...values) - Math.min(...values) <= 1, JSON.stringify(counts));
    Object.keys(counts).forEach((l) => { if (counts[l] === 3) extra[l] = (extra[l] || 0) + 1; });
  }
  assert.deepStrictEqual(Object.keys(extra).sort(), ["a", "b", "c", "d"]);
});

test("asking for more questions than the bank has draws the whole bank", () => {
  const questions = bank({ a: 2, b: 3 });
  assert.strictEqual(g.drawQuestions(questions, 15, seeded(7)).length, 5);
});

test("the order of a draw is random", () => {
  const questions = bank({ a: 3, b: 3 });
  const orders = new Set();
  for (let seed = 1; seed <= 30; seed++) orders.add(g.drawQuestions(questions, 6, seeded(seed)).map((q) => q.id).join());
  assert.ok(orders.size > 10, `${orders.size} different orders`);
});

test("a reshuffle never repeats an order it must avoid", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const random = seeded(seed);
    const two = g.shuffleAvoiding(["x", "y"], [["x", "y"]], random);
    assert.deepStrictEqual(two, ["y", "x"]);
    const five = ["s1", "s2", "s3", "s4", "s5"];
    const previous = g.shuffle(five, random);
    const next = g.shuffleAvoiding(five, [five, previous], random);
    assert.notDeepStrictEqual(next, five);
    assert.notDeepStrictEqual(next, previous);
    assert.deepStrictEqual([...next].sort(), five);
  }
});
