import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface RendererFile {
  path: string;
  /** Path inside the renderer folder, with '/' or '\' as the platform separates, such as `assets/index.js`. */
  relative: string;
  contentType: string;
}

/**
 * Maps a URL path (still percent-encoded) to a file of the built renderer folder, for the web host and
 * the Electron `app://` protocol alike. Returns null for a malformed path, a NUL byte, or a path that
 * leads out of the folder; "/" is index.html.
 */
export function resolveRendererPath(rendererDir: string, urlPath: string): RendererFile | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;

  const relative = normalize(pathname === '/' || pathname === '' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
  const root = normalize(rendererDir).replace(/[/\\]+$/, '');
  const path = join(root, relative);
  if (relative.startsWith('..') || !path.startsWith(root + sep)) return null;
  return { path, relative, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}
