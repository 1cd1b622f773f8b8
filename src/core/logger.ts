/** Where the backend reports what a person operating the app may need to know. Details must never hold secrets or article text. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: () => {},
  warn: (message, details) => console.warn(`[redaksi] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[redaksi] ${message}`, details ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
