/**
 * One browser-mode host process per test, on its own data folder. Spawned straight with node (not
 * through npm), so a SIGKILL really kills the process holding the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { E2E_RENDERER_DIR, repoRoot } from './paths';

const URL_LINE = /^Redaksi \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface HostExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class AppHost {
  private child: ChildProcess | null = null;
  private exited: Promise<HostExit> | null = null;
  private currentUrl: string | null = null;
  /** Everything the host wrote to stderr, over all its runs (attached to failing tests). */
  readonly stderr: string[] = [];

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
    /** The built renderer to serve (the e2e build unless told otherwise: the screenshot script, or the crash soak's stub page). */
    private readonly staticDir: string = E2E_RENDERER_DIR,
  ) {}

  /** The address (with this run's token) to open. */
  get url(): string {
    if (!this.currentUrl) throw new Error('The host is not running');
    return this.currentUrl;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /**
   * `port`: a number for `--port <n>` (0, the default here: any free port, so parallel tests never
   * collide), or 'remembered' for no `--port` at all, as `npm run web` and `npm start` run it.
   * `args`: more command-line options (e.g. --new-token).
   */
  async start({ port = 0, args = [] }: { port?: number | 'remembered'; args?: string[] } = {}): Promise<string> {
    if (this.child) throw new Error('The host is already running');
    const portArgs = port === 'remembered' ? [] : ['--port', String(port)];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', ...portArgs, '--data', this.dataDir, '--static', this.staticDir, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));

    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The host printed no address within ${START_TIMEOUT_MS} ms:\n${this.stderr.join('')}`)), START_TIMEOUT_MS);
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        stdout += chunk;
        const match = URL_LINE.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      void this.exited!.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`The host exited (${code ?? signal}) before printing its address:\n${this.stderr.join('')}`));
      });
    }).catch(async (err: unknown) => {
      await this.kill();
      throw err;
    });
    this.currentUrl = url;
    return url;
  }

  /** SIGTERM, as a person closing the app would; resolves with how the process ended. */
  async stop(): Promise<HostExit> {
    return this.end('SIGTERM');
  }

  /** SIGKILL: no chance to flush or close anything (a power cut, as far as the process can tell). */
  async kill(): Promise<HostExit> {
    return this.end('SIGKILL');
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  private async end(signal: NodeJS.Signals): Promise<HostExit> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) return { code: null, signal: null };
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') {
      child.kill('SIGKILL');
      await exited;
      this.child = null;
      this.currentUrl = null;
      throw new Error(`The host did not stop within ${STOP_TIMEOUT_MS} ms after ${signal}`);
    }
    this.child = null;
    this.exited = null;
    this.currentUrl = null;
    return result;
  }
}
