/**
 * Reading the HTTP headers the loader relies on. Pure: takes anything with `get(name)`, so it is
 * tested without a server.
 */

export interface HeaderSource {
  get(name: string): string | null;
}

/** The total size from `Content-Range: bytes 0-0/12345`; `undefined` when absent or `*`. */
export function totalFromContentRange(value: string | null): number | undefined {
  const match = /^\s*bytes\s+(?:\d+-\d+|\*)\/(\d+)\s*$/i.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * The body's size from `Content-Length`, when it is the size of the file: a compressed body's
 * length says nothing about the file, so it is ignored then.
 */
export function contentLength(headers: HeaderSource): number | undefined {
  const encoding = headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const value = headers.get('content-length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** What identifies this version of the file (SPEC §3 `document.version`): `ETag`, else `Last-Modified`. */
export function versionOf(headers: HeaderSource): string | undefined {
  return headers.get('etag') ?? headers.get('last-modified') ?? undefined;
}

/**
 * The file name a `Content-Disposition` header gives (RFC 6266): `filename*` (RFC 5987, UTF-8)
 * wins over `filename`. Path parts are dropped: a name is never a path.
 */
export function filenameFromDisposition(value: string | null): string | undefined {
  if (!value) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(value);
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(value);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2].trim();
  }
  name = name?.split(/[\\/]/).pop()?.trim();
  return name ? name : undefined;
}
