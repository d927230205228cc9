/**
 * A real proxy endpoint that reads uploads slowly, for what msw cannot show: msw's worker gives
 * the page no upload progress events, so the multipart upload's progress (and its network-level
 * failures) are measured against this dev-server middleware.
 *
 * Routes (options in one path segment, comma-separated, so the client's fixed paths still apply):
 *   POST /__slow-proxy/token?proxy=<base>   {token, expiresIn: 300, proxyUrl: <base>} (a fresh token)
 *   POST /__slow-proxy/<opts>/requests      reads the body at `rate` bytes/s, then answers 201 with a
 *                                           SignRequest-shaped body plus `received`: { bytes,
 *                                           contentType, idempotencyKey, bearer (whether the
 *                                           Authorization header carried an issued token), parts:
 *                                           the multipart part names, request (the `request` part
 *                                           parsed), documentBytes }
 * <opts>: rate=<bytes per second> (default 1 MB/s), status=<code> (answer a problem+json with that
 * status instead), drop=1 (destroy the connection after reading the body: a network error),
 * hang=<ms> (wait that long before answering).
 */
let issued = 0;
const tokens = new Set();

export function slowProxy() {
  return async function slowProxyMiddleware(ctx, next) {
    const url = new URL(ctx.url, 'http://x');
    if (!url.pathname.startsWith('/__slow-proxy/')) return next();
    const rest = url.pathname.slice('/__slow-proxy/'.length);
    ctx.set('Cache-Control', 'no-store');

    if (rest === 'token' && ctx.method === 'POST') {
      issued += 1;
      const token = `slow-token-${issued}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ token, expiresIn: 300, proxyUrl: url.searchParams.get('proxy') ?? '/__slow-proxy/-' });
      return;
    }

    const match = /^([^/]*)\/requests$/.exec(rest);
    if (!match || ctx.method !== 'POST') return next();
    const opts = Object.fromEntries(
      match[1]
        .split(',')
        .filter((o) => o.includes('='))
        .map((o) => o.split('=')),
    );
    const rate = Number(opts.rate || 1_000_000);

    const chunks = [];
    let bytes = 0;
    for await (const chunk of ctx.req) {
      chunks.push(chunk);
      bytes += chunk.length;
      // Not reading while asleep makes TCP push back, so the browser's upload really slows down.
      await sleep((chunk.length / rate) * 1000);
    }
    if (opts.drop) {
      ctx.respond = false; // Koa must not answer on the destroyed socket
      ctx.req.socket.destroy();
      return;
    }
    if (opts.hang) await sleep(Number(opts.hang));

    const status = Number(opts.status || 0);
    if (status) {
      ctx.status = status;
      ctx.type = 'application/problem+json';
      ctx.body = JSON.stringify({ type: 'about:blank', title: 'forced', status, code: status >= 500 ? 'upstream_unavailable' : 'invalid_request' });
      return;
    }

    const body = Buffer.concat(chunks);
    const contentType = ctx.get('content-type');
    const auth = /^Bearer (\S+)$/.exec(ctx.get('authorization') || '');
    const parts = parseMultipart(body, contentType);
    const requestPart = parts.find((p) => p.name === 'request');
    const documentPart = parts.find((p) => p.name === 'document');
    const request = requestPart ? JSON.parse(requestPart.body.toString('utf8')) : null;
    const now = new Date().toISOString();
    ctx.status = 201;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      id: `slow-${issued}-${bytes}`,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      signers: (request?.signers ?? []).map((s) => ({ ...s, status: 'waiting', signedAt: null })),
      fields: request?.fields ?? [],
      signedDocumentUrl: null,
      received: {
        bytes,
        contentType,
        idempotencyKey: ctx.get('idempotency-key') || null,
        bearer: Boolean(auth && tokens.has(auth[1])),
        parts: parts.map((p) => ({ name: p.name, filename: p.filename, type: p.type })),
        request,
        documentBytes: documentPart ? documentPart.body.length : null,
      },
    });
  };
}

/** Just enough multipart/form-data parsing to check what the client sent. */
function parseMultipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const raw = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter, before the next
    const split = raw.indexOf('\r\n\r\n');
    const head = raw.subarray(0, split).toString('utf8');
    const disposition = /name="([^"]*)"(?:; filename="([^"]*)")?/i.exec(head);
    const type = /content-type:\s*([^\r\n]+)/i.exec(head);
    parts.push({ name: disposition?.[1] ?? null, filename: disposition?.[2] ?? null, type: type?.[1] ?? null, body: raw.subarray(split + 4) });
    start = next;
  }
  return parts;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
