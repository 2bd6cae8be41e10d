import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sanitizeFileName, truncateKeepingExtension } from '../../src/modules/files/file-names.js';

const bytes = (s: string) => Buffer.byteLength(s);
/** No lone surrogate: every high surrogate is followed by a low one and vice versa. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('sanitizeFileName', () => {
  test('keeps the base name and drops unsafe characters', () => {
    assert.equal(sanitizeFileName('C:\\Users\\eve\\report.pdf'), 'report.pdf');
    assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
    assert.equal(sanitizeFileName('a\u202eexe.txt'), 'aexe.txt');
    assert.equal(sanitizeFileName('say %22hi%22.txt'), 'say hi.txt');
    assert.equal(sanitizeFileName('  spaced \t\n  out  .txt  '), 'spaced out .txt');
  });

  test('trims leading and trailing dots and spaces; nothing left is "file"', () => {
    assert.equal(sanitizeFileName('...hidden. . .'), 'hidden');
    assert.equal(sanitizeFileName(' . . . '), 'file');
    assert.equal(sanitizeFileName(undefined), 'file');
    assert.equal(sanitizeFileName(`${'. '.repeat(240)}x${' .'.repeat(240)}`), 'x');
    assert.equal(sanitizeFileName(`${'. '.repeat(40_000)}x${' .'.repeat(40_000)}`), 'file', 'the x is cut away first');
  });

  test('a long name is cut to 200 bytes and keeps its extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(80_000)}.pdf`);
    assert.equal(bytes(name), 200);
    assert.ok(name.endsWith('.pdf'));
    assert.equal(sanitizeFileName(`${'b'.repeat(300)}`), 'b'.repeat(200));
  });

  test('cutting never splits a surrogate pair or a grapheme cluster', () => {
    for (const unit of ['😀', '👩‍👩‍👧', 'e\u0301', '日']) {
      for (let pad = 0; pad < 4; pad++) {
        const name = sanitizeFileName(`${'x'.repeat(pad)}${unit.repeat(400)}.jpeg`);
        assert.ok(bytes(name) <= 200, `${bytes(name)} bytes`);
        assert.ok(name.endsWith('.jpeg'));
        assert.ok(wellFormed(name), `lone surrogate with ${unit}`);
        const stem = name.slice(pad, -'.jpeg'.length).normalize('NFC');
        assert.equal(stem.split(unit.normalize('NFC')).join(''), '', `whole clusters of ${unit} only`);
      }
    }
  });

  test('a raw name over 1 KiB is cut before anything else, keeping its end', () => {
    const name = sanitizeFileName(`${'😀'.repeat(2000)}/tail.txt`);
    assert.ok(wellFormed(name));
    assert.equal(name, 'tail.txt', 'the last path segment survives the first cut');
    const odd = sanitizeFileName(`x${'😀'.repeat(2000)}.png`);
    assert.ok(wellFormed(odd) && odd.endsWith('.png') && bytes(odd) <= 200);
  });
});

describe('truncateKeepingExtension', () => {
  test('fits stem and extension into the byte budget', () => {
    assert.equal(truncateKeepingExtension('abcdef.txt', 8), 'abcd.txt');
    assert.equal(truncateKeepingExtension('ab😀cd.txt', 9), 'ab.txt', 'the emoji does not fit whole');
    assert.equal(truncateKeepingExtension('a.b.cde', 5), 'a.cde', 'the last dot starts the extension');
    assert.equal(truncateKeepingExtension('no-extension-here', 5), 'no-ex');
    assert.equal(truncateKeepingExtension('name.averyveryverylongextension', 8), 'name.ave', 'too long to be an extension');
    assert.equal(truncateKeepingExtension('ab c. d e f g h i j k', 5), 'ab c', 'no trailing dot or space without an extension');
  });
});
