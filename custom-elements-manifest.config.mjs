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

export default {
  globs: ['src/jse-sign-request.ts', 'src/events.ts', 'src/config.ts', 'src/element.ts', 'src/index.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  packagejson: false,
  plugins: [publicOnly()],
};
