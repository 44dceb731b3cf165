// Compiles each Solidity file named on the command line with the pinned solc and prints one JSON
// object: file path -> list of error messages (warnings are left out: fixes may keep a contract's
// existing warnings). One process compiles every file because loading the compiler takes seconds.
'use strict';
const fs = require('fs');
const solc = require('solc');

const results = {};
for (const file of process.argv.slice(2)) {
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: fs.readFileSync(file, 'utf8') } },
    settings: { outputSelection: { '*': { '*': ['abi'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  results[file] = (output.errors || [])
    .filter((e) => e.severity === 'error')
    .map((e) => e.formattedMessage || e.message);
}
process.stdout.write(JSON.stringify(results));
