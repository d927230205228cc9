/**
 * `/__copy/<name>/<path>` serves `/<path>` as the dev server would: the browser keys modules by
 * URL, so importing `/__copy/a/src/element.js` and `/__copy/b/src/element.js` loads two separate
 * copies of the package's source on one page (what two builds, or two versions, of the package
 * bundled into two scripts are), each with its own classes (issue 19's two-copies test).
 */
export function copies() {
  return (ctx, next) => {
    const match = /^\/__copy\/[\w-]+(\/.*)$/.exec(ctx.path);
    if (match) ctx.path = match[1];
    return next();
  };
}
