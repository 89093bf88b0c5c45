// Parse a GIFT file with gift-pegjs (npm, the parser other GIFT tools use) and print the
// questions as JSON: the tests compare every key with the bank's.
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "..", "node_modules", "gift-pegjs"));

const text = fs.readFileSync(process.argv[2], "utf8");
process.stdout.write(JSON.stringify(parse(text)));
