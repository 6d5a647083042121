import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { APP_INDEX_URL, isAppUrl, resolveRendererFile } from './app-protocol';

const RENDERER_DIR = join('/opt', 'kiosk', 'renderer');

describe('resolveRendererFile', () => {
  test('index page and assets', () => {
    expect(resolveRendererFile(RENDERER_DIR, APP_INDEX_URL)).toEqual({
      path: join(RENDERER_DIR, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/')?.path).toBe(join(RENDERER_DIR, 'index.html'));
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/assets/index-1a2b.js?v=1#x')).toEqual({
      path: join(RENDERER_DIR, 'assets', 'index-1a2b.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/assets/font.WOFF2')?.contentType).toBe('font/woff2');
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/data.bin')?.contentType).toBe('application/octet-stream');
  });

  test('paths out of the folder stay inside it', () => {
    for (const url of [
      'app://kiosk/../../etc/passwd',
      'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
      'app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://kiosk/..%5c..%5cwindows%5cwin.ini',
    ]) {
      const file = resolveRendererFile(RENDERER_DIR, url);
      if (file !== null) expect(file.path.startsWith(RENDERER_DIR)).toBe(true);
    }
  });

  test('other hosts, schemes and bad paths are rejected', () => {
    expect(resolveRendererFile(RENDERER_DIR, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(RENDERER_DIR, 'file:///opt/kiosk/renderer/index.html')).toBeNull();
    expect(resolveRendererFile(RENDERER_DIR, 'https://kiosk/index.html')).toBeNull();
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(RENDERER_DIR, 'app://kiosk/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(RENDERER_DIR, 'not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  test('accepts only the app origin', () => {
    expect(isAppUrl('app://kiosk/index.html#/main')).toBe(true);
    expect(isAppUrl('app://kiosk.evil/index.html')).toBe(false);
    expect(isAppUrl('app://kiosk')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
  });
});
