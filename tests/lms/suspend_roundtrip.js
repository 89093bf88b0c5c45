// Encode a learner record for cmi.suspend_data with lms-adapter.js and decode it again:
// stdin {record, config, limit} -> stdout {text, decoded}.
const path = require("path");
const lms = require(path.join(__dirname, "..", "..", "overrides", "assets", "course", "lms-adapter.js"));
let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const { record, config, limit } = JSON.parse(input);
  const text = lms.encode(record, config, limit);
  process.stdout.write(JSON.stringify({ text, decoded: lms.decode(text, config) }));
});
