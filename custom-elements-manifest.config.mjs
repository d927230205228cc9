import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// `npm run analyze` writes custom-elements.json from the JSDoc of the public element.
// Only the public API is documented: internal parts, private and protected members are not API (STYLE.md).
/** Drops private and protected members, so the manifest (and tools built on it) show what hosts may use. */
function publicOnly() {
  return {
    name: 'jse-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          }
        }
      }
    },
  };
}

/**
 * The manifest describes the package as installed: module paths name the shipped JavaScript
 * (`dist/lib/*.js`, what tsc emits from `src/*.ts`), so wrapper generators and editors import what exists.
 */
function shippedPaths() {
  // `src/x.ts`, `/src/x.js`, or `./x.js` relative to the module that names it → `dist/lib/x.js`.
  const shipped = (p, from) => {
    const full = p.startsWith('.') ? path.posix.join(path.posix.dirname(from), p) : p.replace(/^\//, '');
    return full.replace(/^(src|dist\/lib)\//, 'dist/lib/').replace(/\.ts$/, '.js');
  };
  const walk = (node, from) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, from));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string') node[key] = shipped(value, from);
      else if (key !== 'path') walk(value, from);
    }
  };
  return {
    name: 'jse-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        const from = mod.path;
        mod.path = shipped(from, from);
        walk(mod, from);
      }
    },
  };
}

/**
 * cem joins `--outdir` to the working directory even when it is absolute (so `--outdir /tmp/x` writes
 * ./tmp/x/...). Tools that pass an absolute folder (the team's before-stop check) get the manifest
 * there too, written the way cem writes it.
 */
function absoluteOutdir() {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > -1 ? process.argv[at + 1] : undefined;
  return {
    name: 'jse-absolute-outdir',
    async packageLinkPhase({ customElementsManifest }) {
      if (!outdir || !path.isAbsolute(outdir)) return;
      await mkdir(outdir, { recursive: true });
      await writeFile(path.join(outdir, 'custom-elements.json'), `${JSON.stringify(customElementsManifest, null, 2)}\n`);
    },
  };
}

export default {
  globs: ['src/jse-sign-request.ts', 'src/events.ts', 'src/config.ts', 'src/element.ts', 'src/index.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  packagejson: false,
  plugins: [publicOnly(), shippedPaths(), absoluteOutdir()],
};
