/**
 * Errors cross every boundary (IPC, HTTP) as this plain, serialisable shape: Electron's invoke
 * drops custom fields of thrown errors, so handlers never rely on `instanceof` on the far side.
 *
 * `code` is an i18n key under `errors.` in the renderer's translations; `params` fill its
 * placeholders. `message` is an English fallback for logs and for codes a client does not know.
 */
export type ErrorKind =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'auth'
  | 'network'
  | 'portal'
  | 'unsupported'
  | 'internal';

export interface AppErrorShape {
  kind: ErrorKind;
  code: string;
  message: string;
  retryable: boolean;
  params?: Record<string, string | number>;
  /** Field-level problems for validation errors: path -> i18n code. */
  issues?: { path: string; code: string; message: string }[];
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly retryable: boolean;
  readonly params?: Record<string, string | number>;
  readonly issues?: AppErrorShape['issues'];

  constructor(shape: Omit<AppErrorShape, 'retryable'> & { retryable?: boolean }) {
    super(shape.message);
    this.name = 'AppError';
    this.kind = shape.kind;
    this.code = shape.code;
    this.retryable = shape.retryable ?? false;
    this.params = shape.params;
    this.issues = shape.issues;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = {
      kind: this.kind,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.params) shape.params = this.params;
    if (this.issues) shape.issues = this.issues;
    return shape;
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/** Anything thrown becomes a shape; unknown errors never leak their stack or internals. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  if (isAppErrorShape(err)) return err;
  return {
    kind: 'internal',
    code: 'internal',
    message: 'An unexpected error occurred.',
    retryable: false,
  };
}

export const notFound = (what: string, id: string): AppError =>
  new AppError({ kind: 'not-found', code: `notFound.${what}`, message: `${what} ${id} not found`, params: { id } });
