// CI: custom-elements.json must be what `npm run analyze` writes from the code now, and must
// describe the whole public API of SPEC §2 (tag, attributes, properties, methods, events).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// cem resolves --outdir against the working directory, so the scratch folder lives in node_modules/.cache.
const out = mkdtempSync(path.join(root, 'node_modules/.cache-cem-'));
try {
  execFileSync(path.join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', path.relative(root, out)], {
    cwd: root,
    stdio: 'pipe',
  });
  const fresh = readFileSync(path.join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync(path.join(root, 'custom-elements.json'), 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  const manifest = JSON.parse(committed);
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'jse-sign-request');
  if (!element) throw new Error('custom-elements.json has no <jse-sign-request>');
  const expect = {
    attributes: ['src', 'token-endpoint', 'proxy-url', 'document-id', 'document-name', 'request-id', 'with-credentials', 'layout-key'],
    members: ['src', 'documents', 'tokenEndpoint', 'proxyUrl', 'documentId', 'documentName', 'requestId', 'withCredentials', 'me', 'contacts', 'signers', 'fields', 'layoutKey', 'signerRoles', 'layoutStore', 'getPageInfo', 'submit', 'reset', 'cancelRequest'],
    events: ['jse-ready', 'jse-status', 'jse-connect-required', 'jse-connected', 'jse-invalid', 'jse-pending', 'jse-signer-signed', 'jse-signed', 'jse-refused', 'jse-expired', 'jse-cancelled', 'jse-error'],
    cssParts: ['toolbar', 'page', 'field', 'signers', 'submit', 'status'],
  };
  const missing = Object.entries(expect).flatMap(([key, names]) => {
    const have = new Set((element[key] ?? []).filter((x) => x.privacy !== 'private').map((x) => x.name));
    return names.filter((n) => !have.has(n)).map((n) => `${key}: ${n}`);
  });
  // Every public item says what it is: editors, the React and Vue types and web-types show it.
  for (const key of ['attributes', 'members', 'events', 'cssParts', 'cssProperties', 'slots']) {
    for (const item of element[key] ?? []) {
      if (item.privacy === 'private' || item.privacy === 'protected' || item.description?.trim()) continue;
      missing.push(`${key}: ${item.name} has no description (JSDoc)`);
    }
  }
  if (missing.length) {
    console.error(`custom-elements.json lacks public API:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  console.log('custom-elements.json is current and complete');
} finally {
  rmSync(out, { recursive: true, force: true });
}
