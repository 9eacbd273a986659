import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestedExits } from '../../client/src/restart';

describe('requested server exits', () => {
  test('only a clean exit we asked for is taken, once per request', () => {
    const exits = new RequestedExits();
    assert.equal(exits.take('Server process exited with code 0.'), false, 'nothing requested yet');
    exits.expect();
    assert.equal(exits.take('Server process exited with code 1.'), false, 'a crash is still an error');
    assert.equal(exits.take('Server process exited with signal SIGKILL.'), false);
    assert.equal(exits.take('Server process exited with code 0. '), false);
    assert.equal(exits.take('Server process exited with code 0.'), true);
    assert.equal(exits.take('Server process exited with code 0.'), false, 'consumed');
  });

  test('two restarts in a row expect two exits', () => {
    const exits = new RequestedExits();
    exits.expect();
    exits.expect();
    assert.equal(exits.take('Server process exited with code 0.'), true);
    assert.equal(exits.take('Server process exited with code 0.'), true);
    assert.equal(exits.take('Server process exited with code 0.'), false);
  });
});
