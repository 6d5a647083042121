import { resolveRendererPath } from './renderer-files';

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

/** Returns true when `url` is a page or file of the app itself, such as `app://kiosk/index.html#/main`. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Maps an `app://kiosk/...` URL to a file of the built renderer folder. Returns null for another
 * host or scheme, a malformed path, or a path that leads out of the folder.
 */
export function resolveRendererFile(rendererDir: string, url: string): { path: string; contentType: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  const file = resolveRendererPath(rendererDir, parsed.pathname);
  return file && { path: file.path, contentType: file.contentType };
}
