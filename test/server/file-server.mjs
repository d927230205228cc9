/**
 * The test server's own file endpoints: the @web dev server ignores `Range`, cannot refuse HEAD,
 * cannot count the bytes it really sent and rewrites what it serves. These middlewares serve bytes
 * exactly, so tests can check what the element downloads (SPEC §4, §6) and how it behaves under a
 * strict Content-Security-Policy (SPEC §5).
 *
 * Routes (all answer only the paths below; everything else goes to the dev server):
 *   /__raw/<path>          a file of the project, as is
 *   /__csp/<path>          the same, with the strict CSP header (pages, bundle, worker, assets)
 *   /__fixtures/<path>     a file of the shared corpus (JSE_FIXTURES, default ../shared/fixtures)
 *   PUT /__files/<name>    store a body (a test-generated document) in memory
 *   /__files/<name>        serve it
 *   GET /__stats/<key>     { bytes, requests: [{ method, range, status, bytes }] } for ?count=<key>
 *   DELETE /__stats/<key>  reset the counter
 *   GET|DELETE /__csp-report  the CSP violations reported so far (pages under /__csp/ report there)
 * Options on any served file, in the query: count=<key>, head=refuse, probe=refuse (the bytes=0-0
 * probe answered 403), ranges=0 (ignore Range), status=<code>, type=<content-type>, etag=<value>,
 * delay=<ms before the body>, failfrom=<byte> (ranges from there answer 503), rate=<bytes per second>, disposition=<filename>,
 * length=none (no Content-Length: a chunked body whose size the client cannot know up front),
 * modified=<HTTP date> (Last-Modified).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'";
/** Violations are reported here (pages and workers alike), so tests can assert there were none. */
const REPORTING = '; report-uri /__csp-report';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** @param {{ root: string, fixtures: string }} dirs */
export function fileServer({ root, fixtures }) {
  const memory = new Map(); // name → { body: Buffer, type }
  const stats = new Map(); // key → { bytes, requests }

  const statsFor = (key) => {
    if (!stats.has(key)) stats.set(key, { bytes: 0, requests: [] });
    return stats.get(key);
  };

  const cspReports = [];

  return async function fileServerMiddleware(ctx, next) {
    const url = new URL(ctx.url, 'http://x');
    const p = decodeURIComponent(url.pathname);

    if (p === '/__csp-report') {
      if (ctx.method === 'POST') {
        const chunks = [];
        for await (const chunk of ctx.req) chunks.push(chunk);
        cspReports.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
        ctx.status = 204;
        return;
      }
      if (ctx.method === 'DELETE') cspReports.length = 0;
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(cspReports);
      return;
    }

    if (p.startsWith('/__stats/')) {
      const key = p.slice('/__stats/'.length);
      if (ctx.method === 'DELETE') stats.delete(key);
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(stats.get(key) ?? { bytes: 0, requests: [] });
      return;
    }

    let source; // { body?: Buffer, file?: string, type }
    let csp = false;
    if (p.startsWith('/__files/')) {
      const name = p.slice('/__files/'.length);
      if (ctx.method === 'PUT') {
        const chunks = [];
        for await (const chunk of ctx.req) chunks.push(chunk);
        memory.set(name, { body: Buffer.concat(chunks), type: ctx.get('content-type') || 'application/octet-stream' });
        ctx.status = 204;
        return;
      }
      const entry = memory.get(name);
      if (!entry) {
        ctx.status = 404;
        return;
      }
      source = { body: entry.body, type: entry.type };
    } else if (p.startsWith('/__raw/') || p.startsWith('/__csp/')) {
      csp = p.startsWith('/__csp/');
      source = fromDisk(root, p.slice(6));
    } else if (p.startsWith('/__fixtures/')) {
      source = fromDisk(fixtures, p.slice('/__fixtures/'.length));
    } else {
      return next();
    }
    if (!source) {
      ctx.status = 404;
      return;
    }

    const q = url.searchParams;
    const counter = q.get('count') ? statsFor(q.get('count')) : undefined;
    const record = { method: ctx.method, range: ctx.get('range') || null, status: 0, bytes: 0 };
    counter?.requests.push(record);

    if (csp) ctx.set('Content-Security-Policy', STRICT_CSP + REPORTING);
    ctx.set('Cache-Control', 'no-store');
    // The test runner's cache middleware, after this one, marks every path with an extension
    // cacheable for a year: restore no-store as the headers go out, so the browser never answers
    // from its cache a request a test counts here.
    const writeHead = ctx.res.writeHead;
    ctx.res.writeHead = function (...args) {
      this.setHeader('Cache-Control', 'no-store');
      return writeHead.apply(this, args);
    };
    if (q.get('delay')) await sleep(Number(q.get('delay')));

    // failfrom=<byte>: ranges starting at or after that byte fail (a connection lost while reading).
    const rangeStart = /^bytes=(\d+)-/.exec(ctx.get('range') || '');
    const lost = q.get('failfrom') !== null && rangeStart !== null && Number(rangeStart[1]) >= Number(q.get('failfrom'));
    const forced = Number(q.get('status') || 0) || (lost ? 503 : 0);
    const isProbe = ctx.get('range') === 'bytes=0-0';
    if (forced || (ctx.method === 'HEAD' && q.get('head') === 'refuse') || (isProbe && q.get('probe') === 'refuse')) {
      // Body first: Koa turns a null body into a 204 unless the status is set after it.
      ctx.body = ctx.method === 'HEAD' ? null : 'refused';
      ctx.status = forced || 403;
      record.status = ctx.status;
      return;
    }

    const size = source.body ? source.body.length : statSync(source.file).size;
    const type = q.get('type') || source.type;
    ctx.set('Content-Type', type);
    if (q.get('etag')) ctx.set('ETag', q.get('etag'));
    if (q.get('modified')) ctx.set('Last-Modified', q.get('modified'));
    if (q.get('disposition')) ctx.set('Content-Disposition', `attachment; filename="${q.get('disposition')}"`);
    const ranges = q.get('ranges') !== '0';
    if (ranges) ctx.set('Accept-Ranges', 'bytes');

    let start = 0;
    let end = size - 1;
    const range = ranges ? /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range') || '') : null;
    if (range && size > 0) {
      start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        ctx.status = 416;
        ctx.set('Content-Range', `bytes */${size}`);
        record.status = 416;
        return;
      }
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
    } else {
      ctx.status = 200;
    }
    const length = size === 0 ? 0 : end - start + 1;
    const sendLength = q.get('length') !== 'none';
    if (sendLength) ctx.set('Content-Length', String(length));
    record.status = ctx.status;
    if (ctx.method === 'HEAD') {
      // A null body makes Koa answer 204 and drop Content-Length: restore both.
      ctx.body = null;
      ctx.status = record.status;
      if (sendLength) ctx.set('Content-Length', String(length));
      else ctx.remove('Content-Length');
      return;
    }

    const stream = source.body
      ? Readable.from(chunked(source.body.subarray(start, end + 1)))
      : createReadStream(source.file, { start, end: Math.max(start, end) });
    const rate = Number(q.get('rate') || 0);
    ctx.body = Readable.from(counting(stream, length === 0 ? 0 : Infinity, rate, (n) => {
      record.bytes += n;
      if (counter) counter.bytes += n;
    }));
    // Koa would otherwise drop Content-Length for a stream body.
    if (sendLength) ctx.length = length;
  };
}

function fromDisk(base, rel) {
  const file = path.resolve(base, rel.replace(/^\/+/, ''));
  if (!file.startsWith(path.resolve(base)) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return { file, type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

function* chunked(buffer) {
  for (let i = 0; i < buffer.length; i += 64 * 1024) yield buffer.subarray(i, i + 64 * 1024);
}

/** Counts bytes as they are handed to the socket; with a rate, paces them. */
async function* counting(stream, _limit, rate, onBytes) {
  for await (const chunk of stream) {
    if (rate > 0) {
      for (let i = 0; i < chunk.length; i += Math.max(1024, Math.floor(rate / 20))) {
        const part = chunk.subarray(i, i + Math.max(1024, Math.floor(rate / 20)));
        await sleep((part.length / rate) * 1000);
        onBytes(part.length);
        yield part;
      }
    } else {
      onBytes(chunk.length);
      yield chunk;
    }
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
