/**
 * The demo GED's file server (Vite dev-server middleware): the generated documents at
 * /ged/files/<name>, with HEAD, Range (206), ETag and Content-Disposition like a real GED, so the
 * widget's size probe and pdf.js's range loading behave as they would in production.
 */
import type { Plugin } from 'vite';
import { demoFiles, type DemoFile } from './documents.js';

export function gedFiles(): Plugin {
  let files: Promise<Map<string, DemoFile>> | undefined;
  return {
    name: 'jse-demo-ged-files',
    configureServer(server) {
      // Generated while the server starts (the 10,5 Mo archive and the 60 pages take a moment),
      // not on the first visit.
      files = demoFiles().then((list) => new Map(list.map((f) => [f.name, f])));
      files.catch(() => undefined); // a failure is answered to the request that needs the files
      server.middlewares.use('/ged/files', (req, res, next) => {
        files ??= demoFiles().then((list) => new Map(list.map((f) => [f.name, f])));
        void files.then((map) => {
          const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
          if (name === '' || name === 'index.json') {
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify([...map.values()].map(({ name: n, title, type, bytes }) => ({ name: n, title, type, size: bytes.length }))));
            return;
          }
          const file = map.get(name);
          if (!file) return next();
          const size = file.bytes.length;
          res.setHeader('Content-Type', file.type);
          res.setHeader('Accept-Ranges', 'bytes');
          res.setHeader('ETag', `"${file.name}-${size}"`);
          res.setHeader('Content-Disposition', `inline; filename="${file.name}"`);
          res.setHeader('Cache-Control', 'no-store');
          const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
          let start = 0;
          let end = size - 1;
          if (range && size > 0) {
            start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
            end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
            res.statusCode = 206;
            res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
          }
          res.setHeader('Content-Length', String(size === 0 ? 0 : end - start + 1));
          res.end(req.method === 'HEAD' ? undefined : Buffer.from(file.bytes.subarray(start, end + 1)));
        }, next);
      });
    },
  };
}
