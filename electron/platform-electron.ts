import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import { readFile } from 'node:fs/promises';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, REQUESTS } from '../shared/contract';
import type { StoredSecret } from '../shared/settings';
import type { App } from './app-core';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl, resolveRendererFile } from './app-protocol';
import type { SecretCipher } from './settings/secret-cipher';
import { CONTENT_SECURITY_POLICY } from './web-host';

export const KIOSK_WIDTH = 800;
export const KIOSK_HEIGHT = 480;

/** Returns the OS keychain cipher (Electron safeStorage) when the platform offers one, else null. */
export function createSafeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    scheme: 'safeStorage',
    encrypt: (plain): StoredSecret => ({ scheme: 'safeStorage', data: safeStorage.encryptString(plain).toString('base64') }),
    decrypt: (secret) => safeStorage.decryptString(Buffer.from(secret.data, 'base64')),
  };
}

/** Declares the `app:` scheme as a standard, secure origin. Call it before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves the built renderer under `app://kiosk/`, every response with the Content-Security-Policy. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    const body = file === null ? null : await readFile(file.path).catch(() => null);
    if (file === null || body === null) {
      return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    return new Response(body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

/** Opens the hardened kiosk window on the built renderer; registerAppProtocol must have run. */
export function openKioskWindow(options: { kiosk: boolean; preloadPath: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: KIOSK_WIDTH,
    height: KIOSK_HEIGHT,
    useContentSize: true,
    minWidth: KIOSK_WIDTH,
    minHeight: KIOSK_HEIGHT,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0d2a3f',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: !options.kiosk,
    },
  });

  if (options.kiosk) {
    window.webContents.on('context-menu', (event) => event.preventDefault());
    void window.webContents.setVisualZoomLevelLimits(1, 1);
  }
  void window.loadURL(APP_INDEX_URL);
  return window;
}

/**
 * Denies every permission request, adds the Content-Security-Policy to HTTP responses, and keeps
 * every web page on the app: no navigation or redirect away from `app://kiosk/`, no new windows,
 * no web views.
 */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
  });
}

/** Returns true for a request from the main frame of one of our windows, showing our own page. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    BrowserWindow.fromWebContents(event.sender) !== null &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}

/** Registers one ipcMain handler per request of the contract, each checking that the sender is our own page. */
export function registerIpc(core: App): void {
  for (const name of Object.keys(REQUESTS)) {
    ipcMain.handle(`${IPC_CHANNEL_PREFIX}${name}`, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        core.services.logger.warn('IPC request from an untrusted sender rejected', { request: name, url: event.senderFrame?.url });
        return { ok: false, error: { kind: 'forbidden', message: 'Request from an untrusted page rejected.' } };
      }
      return core.dispatch(name, input);
    });
  }

  core.services.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
