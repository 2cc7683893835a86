// Asks edtf.js (npm `edtf`, the reference EDTF parser) which strings it accepts, for edtf_reference_test.
// Usage: node edtf_reference.cjs DIR < strings.json, where DIR/node_modules holds `edtf` and the input is
// a JSON array of strings. Prints one line per string: "1" (accepted) or "0 <its message>".
'use strict'
const path = require('path')
const edtf = require(path.join(process.argv[2], 'node_modules', 'edtf'))

const strings = JSON.parse(require('fs').readFileSync(0, 'utf8'))
for (const s of strings) {
  try {
    // The grammar, then the type's constructor (which checks interval bounds). Not edtf(s), which reads a
    // string of five or more digits as a Unix time.
    const res = edtf.parse(s)
    new edtf[res.type](res)
    console.log('1')
  } catch (e) {
    console.log('0 ' + String(e.message).split('\n')[0])
  }
}
