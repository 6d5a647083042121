import { app, BrowserWindow, ipcMain, safeStorage, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, REQUESTS } from '../shared/contract';
import type { StoredSecret } from '../shared/settings';
import type { App } from './app-core';
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

/** Opens the hardened kiosk window on the built renderer. */
export function openKioskWindow(options: { kiosk: boolean; rendererDir: string; preloadPath: string }): BrowserWindow {
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
    },
  });

  const indexUrl = pathToFileURL(join(options.rendererDir, 'index.html')).toString();
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(indexUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (options.kiosk) {
    window.webContents.on('context-menu', (event) => event.preventDefault());
    void window.webContents.setVisualZoomLevelLimits(1, 1);
  }
  void window.loadURL(indexUrl);
  return window;
}

/** Denies every permission request, sets the Content-Security-Policy and blocks web views. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Registers one ipcMain handler per request of the contract, each checking that the sender is our own page. */
export function registerIpc(core: App, rendererDir: string): void {
  const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).toString();
  const isTrustedSender = (contents: WebContents, frameUrl: string | undefined) =>
    BrowserWindow.fromWebContents(contents) !== null && frameUrl !== undefined && frameUrl.startsWith(indexUrl);

  for (const name of Object.keys(REQUESTS)) {
    ipcMain.handle(`${IPC_CHANNEL_PREFIX}${name}`, async (event, input: unknown) => {
      if (!isTrustedSender(event.sender, event.senderFrame?.url)) {
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
