// Entry of the in-editor suite (test-electron style): VS Code's extension host
// loads this bundle and awaits run(). Tests are imported statically because
// the suite is bundled; each file registers its suites when called.

import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../client/src/constants';
import registerActivation from './activation.test';
import registerCommands from './commands.test';
import registerCompletion from './completion.test';
import registerDiagnostics from './diagnostics.test';
import registerFixAll from './fixAll.test';
import registerGrammar from './grammar.test';
import registerHover from './hover.test';
import registerNonDigest from './nonDigest.test';
import registerOutline from './outline.test';
import registerRuleLinks from './ruleLinks.test';
import registerRestart from './restart.test';
import registerSnippets from './snippets.test';
import registerWorkspace from './workspace.test';

const RESULT_FILE_ENV = 'DIGEST_TEST_RESULT';
const TEST_TIMEOUT_MS = 60_000;

// Activation first: later files assume the extension is up.
// The restart test goes last: it restarts the server under the others.
const REGISTRARS = [registerActivation, registerDiagnostics, registerOutline, registerHover, registerNonDigest, registerSnippets, registerGrammar, registerCommands, registerFixAll, registerWorkspace, registerCompletion, registerRuleLinks, registerRestart];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: TEST_TIMEOUT_MS });
  mocha.suite.emit('pre-require', globalThis, 'digest-suite', mocha);
  for (const register of REGISTRARS) register();
  let passed = 0;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // `failures` also counts failed hooks, whose tests never ran.
      writeResult({ passed, failed: failures, activated: vscode.extensions.getExtension(EXTENSION_ID)?.isActive === true });
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
  });
}

function writeResult(result: { passed: number; failed: number; activated: boolean }): void {
  const file = process.env[RESULT_FILE_ENV];
  if (file) writeFileSync(file, JSON.stringify(result));
}
