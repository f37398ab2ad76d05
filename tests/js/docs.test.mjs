// Docs tests: `node --test tests/js/`.
// The repository explains itself: no file points at documents that live outside it, and every file the
// architecture, protocol and product pages cite exists, so those pages fail here when code moves without them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', 'artifacts', '.azurite', '.logs', 'TestResults', 'BenchmarkDotNet.Artifacts']);
const TEXT_FILES = /\.(cs|md|mjs|js|sh|bicep|bicepparam|json|csproj|props|yml)$/;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink() || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

const files = walk(root);
const self = relative(root, fileURLToPath(import.meta.url)).split(sep).join('/');

describe('docs stand alone', () => {
  test('no file points at documents outside the repository', () => {
    // The project's background notes live beside the repository, not in it; a pointer to them is a dead link for
    // everyone else. Their names, their folder, and the section style ("PROTOCOL 1.2") they were cited with.
    const outside = [/\.\.\/shared\b/, /(^|[^\w.])shared\//, /\b(PRODUCT|ARCHITECTURE|PROTOCOL|STYLE)\.md\b/, /\bPROTOCOL \d/, /\bsource articles\b/];
    const found = [];
    for (const file of files.filter((f) => TEXT_FILES.test(f) && f !== self && f !== 'package-lock.json')) {
      readFileSync(join(root, file), 'utf8').split('\n').forEach((line, i) => {
        if (outside.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  for (const page of ['docs/architecture.md', 'docs/protocol.md', 'docs/product.md']) {
    test(`every file and folder ${page} cites exists`, () => {
      const text = readFileSync(join(root, page), 'utf8');
      const cited = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
      // Full paths from the root (src/…, tests/…, a folder when it ends in /), and bare file names such as
      // `Hosting/BotAdapter.cs`, which must be the tail of some file in the repository.
      const fromRoot = cited.filter((c) => /^(src|tests|tools|bench|docs|manifest|content|infra|scripts|samples|dev)\//.test(c));
      const tails = cited.filter((c) => !fromRoot.includes(c) && /^[\w./-]+\.(cs|md|json|mjs|sh|bicep)$/.test(c));
      assert.ok(fromRoot.length > 0, `${page} cites no repository path`);
      const missing = [
        ...fromRoot.filter((p) => !existsSync(join(root, p)) || (p.endsWith('/') && !statSync(join(root, p)).isDirectory())),
        ...tails.filter((t) => !files.some((f) => f === t || f.endsWith('/' + t))),
      ];
      assert.deepEqual(missing, [], `${page} cites paths that do not exist`);
    });
  }
});
