/** Logger of the demo SMTP server and inbox. The `fields` contain ids and values, never a password. */
export interface DemoLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Returns a logger that writes to the console with a `[component]` prefix. */
export function consoleDemoLogger(component: string): DemoLogger {
  const prefix = `[${component}]`;
  return {
    info: (message, fields) => console.info(prefix, message, fields ?? ''),
    warn: (message, fields) => console.warn(prefix, message, fields ?? ''),
    error: (message, fields) => console.error(prefix, message, fields ?? ''),
  };
}
