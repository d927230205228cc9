// `npm run analyze` writes custom-elements.json from the JSDoc of the public element.
// Only the public element is documented: internal parts are not API (STYLE.md).
export default {
  globs: ['src/jse-sign-request.ts', 'src/events.ts', 'src/config.ts', 'src/element.ts', 'src/index.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  packagejson: false,
};
