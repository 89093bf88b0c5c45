// Runs the shared grading vectors against overrides/assets/course/quiz-grader.js under Node.js.
// Usage: node tests/quiz/run_vectors.js [vectors.json]   (pytest runs it: tests/quiz/test_grader_vectors.py)
// Prints one line per failure and closes with "N passed, N failed"; exits 1 on any failure.
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");
const grader = require(path.join(__dirname, "..", "..", "overrides", "assets", "course", "quiz-grader.js"));

const file = process.argv[2] || path.join(__dirname, "grading_vectors.json");
const data = JSON.parse(fs.readFileSync(file, "utf8"));
let passed = 0, failed = 0;

function near(a, b) { return Math.abs(a - b) < 1e-9; }

function check(name, fn) {
  try { fn(); passed++; } catch (e) { failed++; console.log(`FAIL ${name}: ${e.message}`); }
}

for (const v of data.vectors) {
  check(v.name, () => {
    const got = grader.gradeResponse(data.questions[v.question], v.response);
    assert.ok(near(got.score, v.score), `score ${got.score}, expected ${v.score}`);
    assert.strictEqual(got.status, v.status);
    if (v.feedback) assert.deepStrictEqual(got.feedback, v.feedback);
  });
}

for (const a of data.attempts) {
  check(a.name, () => {
    const got = grader.scoreAttempt(a.questions.map((id) => data.questions[id]), a.responses, a.passMark);
    const want = a.result;
    assert.ok(near(got.score, want.score), `score ${got.score}, expected ${want.score}`);
    assert.ok(near(got.points, want.points), `points ${got.points}, expected ${want.points}`);
    assert.strictEqual(got.percent, want.percent);
    assert.strictEqual(got.passed, want.passed);
    assert.deepStrictEqual(got.lessons.map((l) => [l.lesson, l.correct, l.total, l.score, l.points]),
      want.lessons.map((l) => [l.lesson, l.correct, l.total, l.score, l.points]));
  });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
