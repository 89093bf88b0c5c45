// Runs the learner record's vectors (record_vectors.json, with the rules worked out by Python)
// against overrides/assets/course/record.js under Node.js.
// Usage: node run_record_vectors.js vectors.json rules.json   (tests/record/test_record_rules.py runs it)
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");
const R = require(path.join(__dirname, "..", "..", "overrides", "assets", "course", "record.js"));

const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const rules = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));   // case name -> browser rules
let passed = 0, failed = 0;

function check(name, fn) {
  try { fn(); passed++; } catch (e) { failed++; console.log(`FAIL ${name}: ${e.message}`); }
}
function config(name) { return Object.assign({}, data.config, { rules: rules[name] }); }
function subset(actual, expected, where) {
  if (expected === null || typeof expected !== "object" || Array.isArray(expected)) {
    assert.deepStrictEqual(actual, expected, where);
    return;
  }
  assert.ok(actual && typeof actual === "object", `${where}: ${JSON.stringify(actual)} is not an object`);
  Object.keys(expected).forEach((k) => subset(actual[k], expected[k], `${where}.${k}`));
}

for (const c of data.sections) {
  check(c.name, () => assert.strictEqual(R.sectionDone(c.facts, rules[c.name]), c.done));
}
for (const c of data.summaries) {
  check(c.name, () => {
    const s = R.summarise(R.migrate(c.record, "en", 70), config(c.name));
    const e = c.expect;
    assert.strictEqual(s.lessonsDone, e.lessonsDone, "lessonsDone");
    assert.strictEqual(s.percent, e.percent, "percent");
    assert.strictEqual(s.complete, e.complete, "complete");
    assert.deepStrictEqual(s.lessons.map((l) => [l.done, l.total, l.complete]), e.lessons);
  });
}
for (const c of data.migrations) {
  check(c.name, () => subset(R.migrate(c.stored, "en", 70), c.expect, "record"));
}
for (const c of data.events) {
  check(c.name, () => {
    const record = R.emptyRecord("en"), cfg = config(c.name);
    c.events.forEach(([type, detail]) => assert.ok(R.apply(record, type, detail, cfg), type));
    const e = Object.assign({}, c.expect), done = e.done || [], absent = e.absent || [];
    delete e.done;
    delete e.absent;
    absent.forEach(([lesson, section, key]) => assert.ok(!(key in record.sections[lesson][section]), `${lesson}/${section}.${key} set`));
    subset(record, e, "record");
    done.forEach(([lesson, section]) => assert.ok(/^\d{4}-/.test(record.sections[lesson][section].done), `${lesson}/${section} done`));
  });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
