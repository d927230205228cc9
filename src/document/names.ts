/** The last path segment of a URL, decoded; the host's `document-name` and `Content-Disposition` win over it. */
export function nameFromUrl(src: string): string {
  try {
    const path = new URL(src, document.baseURI).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || src;
  } catch {
    return src;
  }
}
