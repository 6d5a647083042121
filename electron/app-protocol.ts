import { extname, join, normalize, sep } from 'node:path';

/**
 * The Electron window loads the built renderer from `app://kiosk/` rather than from file://, so
 * that every response carries the Content-Security-Policy header and the page cannot read other
 * local files. A file:// response has no headers, so a policy added in session.webRequest never
 * applies to it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

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
  contentType: string;
}

/** Returns true when `url` is a page or file of the app itself, such as `app://kiosk/index.html#/main`. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Maps an `app://kiosk/...` URL to a file of the built renderer folder. Returns null for another
 * host or scheme, a malformed path, or a path that leads out of the folder.
 */
export function resolveRendererFile(rendererDir: string, url: string): RendererFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;

  const relative = normalize(pathname === '/' || pathname === '' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
  const root = normalize(rendererDir).replace(/[/\\]+$/, '');
  const path = join(root, relative);
  if (relative.startsWith('..') || !path.startsWith(root + sep)) return null;
  return { path, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}
