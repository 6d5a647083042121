import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ACCESS_INACTIVITY_MS, ACCESS_SESSION_COOKIE, type AccessCheckResult } from '../shared/access';
import { EVENT_NAMES, type RequestReply } from '../shared/contract';
import type { App } from './app-core';
import { resolveRendererPath } from './renderer-files';

/** Largest request body accepted, in bytes; the biggest request (the SMTP account) is far below it. */
const MAX_BODY_BYTES = 64 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebHostOptions {
  app: App;
  /** Folder of the built renderer (index.html and its assets). */
  rendererDir: string;
  /** Require the access code from every browser, this machine's included; by default only remote browsers need it. */
  requireAccessCodeEverywhere?: boolean;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK_ADDRESSES.has(address) || address.startsWith('127.'));
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Serves the built renderer and the contract's requests over HTTP: `POST /api/<request>` with a JSON body,
 * and `GET /api/events` as server-sent events for the pushed events.
 */
export function createWebHost({ app, rendererDir, requireAccessCodeEverywhere = false }: WebHostOptions): Server {
  const { logger, access } = app.services;

  /** Tells whether a request needs an access session: a browser on this machine is the kiosk panel itself, any other needs the code. */
  function needsAccessSession(request: IncomingMessage): boolean {
    if (!requireAccessCodeEverywhere && isLoopback(request.socket.remoteAddress)) return false;
    return !access.touchSession(readCookie(request, ACCESS_SESSION_COOKIE));
  }

  /** Rejects a page on another site that reaches this loopback host through a DNS name pointing at 127.0.0.1. */
  function hasForeignHostHeader(request: IncomingMessage): boolean {
    if (!isLoopback(request.socket.remoteAddress)) return false;
    const hostHeader = request.headers.host ?? '';
    const hostName = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
    const boundAddress = server.address();
    const boundHost = typeof boundAddress === 'object' && boundAddress ? boundAddress.address : '';
    return !LOOPBACK_HOST_NAMES.has(hostName) && hostName !== boundHost && hostName !== `[${boundHost}]`;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('HTTP request failed', { url: request.url, error: (error as Error).message });
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { kind: 'internal', message: 'Internal error.' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    if (hasForeignHostHeader(request)) {
      logger.warn('request with a foreign Host header rejected', { host: request.headers.host });
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: unknown Host header.');
      return;
    }
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/verifyAccessCode' && needsAccessSession(request)) {
      sendJson(response, 403, {
        ok: false,
        error: { kind: 'forbidden', message: 'Access code required: enter the access code on the kiosk page first.' },
      });
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return streamEvents(request, response);
    if (url.pathname.startsWith('/api/')) return answerRequest(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    return serveFile(url.pathname, response);
  }

  async function answerRequest(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, { ok: false, error: { kind: 'invalidRequest', message: `Use POST for /api/${name}.` } });
      return;
    }
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which this host never grants.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, {
        ok: false,
        error: { kind: 'invalidRequest', message: 'Invalid Content-Type: send the request body as application/json.' },
      });
      return;
    }

    const body = await readBody(request);
    if (body === null) {
      sendJson(response, 413, { ok: false, error: { kind: 'invalidRequest', message: `Request body larger than ${MAX_BODY_BYTES} bytes.` } });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      sendJson(response, 400, {
        ok: false,
        error: { kind: 'invalidRequest', message: `Invalid JSON in the request body: ${(error as Error).message}` },
      });
      return;
    }

    const reply = await app.dispatch(name, input);
    if (name === 'verifyAccessCode' && reply.ok && (reply.value as AccessCheckResult).granted) {
      const token = access.openSession();
      response.setHeader(
        'Set-Cookie',
        `${ACCESS_SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${ACCESS_INACTIVITY_MS / 1000}`,
      );
    }
    sendJson(response, httpStatusOf(reply), reply);
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = app.services.events.subscribe((event, payload) => {
      if ((EVENT_NAMES as readonly string[]).includes(event)) response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    try {
      decodeURIComponent(pathname);
    } catch {
      response.writeHead(400).end('Invalid path.');
      return;
    }
    const file = resolveRendererPath(rendererDir, pathname);
    const info = file ? await stat(file.path).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': info.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.relative === 'index.html' ? 'no-store' : 'public, max-age=3600',
    });
    createReadStream(file.path).pipe(response);
  }

  return server;
}

function httpStatusOf(reply: RequestReply<unknown>): number {
  if (reply.ok) return 200;
  if (reply.error.kind === 'unknownRequest') return 404;
  if (reply.error.kind === 'forbidden') return 403;
  if (reply.error.kind === 'internal') return 500;
  return 400;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

/** Reads the body as UTF-8 text; null when it is larger than MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
