import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../core/backend';
import { lockDataFolder } from '../core/storage/data-folder-lock';
import { secureDataFolder } from '../core/storage/data-folder-permissions';
import { FRAMED_CONTENT_TYPE, encodeFramed } from '../shared/wire';

const repoRoot = path.resolve(__dirname, '..', '..');

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the command-line host; `whenListening` gets the printed address and decides when to stop it. */
function runCli(args: string[], whenListening?: (url: string, stop: () => void) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let handled = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout)?.[0];
      if (url && !handled && whenListening) {
        handled = true;
        whenListening(url, () => child.kill('SIGTERM')).catch((err: unknown) => {
          child.kill('SIGKILL');
          reject(err);
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ stdout, stderr, code }));
  });
}

describe('browser mode from the command line', () => {
  let root: string;
  let staticDir: string;
  let dataDir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'redaksi-cli-'));
    staticDir = path.join(root, 'renderer');
    dataDir = path.join(root, 'data');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Redaksi</title>');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints one address line, serves the app and closes the database cleanly on SIGTERM', async () => {
    const run = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (url, stop) => {
      const address = new URL(url);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const info = await fetch(`${address.origin}/api/invoke/app-info`, {
        method: 'POST',
        headers: { 'x-redaksi-token': address.searchParams.get('token')!, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { transport: 'web' } });

      // A photo travels as a framed body and comes back from the token-checked media route.
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f4c5c' } }).jpeg().toBuffer();
      const imported = await fetch(`${address.origin}/api/invoke/media-import`, {
        method: 'POST',
        headers: { 'x-redaksi-token': address.searchParams.get('token')!, 'content-type': FRAMED_CONTENT_TYPE },
        body: encodeFramed({ fileName: 'foto.jpg', data: new Uint8Array(jpeg) }),
      });
      const result = (await imported.json()) as { ok: boolean; value: { fileHash: string } };
      expect(result.ok).toBe(true);
      const photo = await fetch(`${address.origin}/media/full/${result.value.fileHash}?token=${address.searchParams.get('token')}`);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/jpeg');
      expect((await fetch(`${address.origin}/media/full/${result.value.fileHash}`)).status).toBe(401);
      stop();
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Redaksi \(browser mode\): http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}\n$/);
    // A clean close checkpoints the write-ahead log and removes it.
    expect(existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(true);
    expect(existsSync(path.join(dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
  });

  it('keeps the data folder to this account: a wide one is tightened, saying so, and what it creates is 0600', async () => {
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await writeFile(path.join(dataDir, 'catatan.txt'), 'x', { mode: 0o644 });
    const modes: Record<string, number> = {};
    const run = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (url, stop) => {
      const address = new URL(url);
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f4c5c' } }).jpeg().toBuffer();
      const imported = await fetch(`${address.origin}/api/invoke/media-import`, {
        method: 'POST',
        headers: { 'x-redaksi-token': address.searchParams.get('token')!, 'content-type': FRAMED_CONTENT_TYPE },
        body: encodeFramed({ fileName: 'foto.jpg', data: new Uint8Array(jpeg) }),
      });
      expect(((await imported.json()) as { ok: boolean }).ok).toBe(true);
      // While it runs: the database with its -wal and -shm, the photos, the session file.
      for (const entry of await readdir(dataDir, { recursive: true })) {
        const full = path.join(dataDir, entry);
        const info = await lstat(full);
        if (!info.isSymbolicLink()) modes[entry] = info.mode & 0o777;
      }
      stop();
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('the data folder was readable by other accounts; now tightened');
    expect(modes[`${DATABASE_FILE_NAME}-wal`]).toBe(0o600);
    expect(Object.keys(modes).length).toBeGreaterThan(5);
    const wide = Object.entries(modes).filter(([, m]) => (m & 0o077) !== 0);
    expect(wide).toEqual([]);
    expect((await lstat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a database made by a newer version with one clear line and a non-zero exit', async () => {
    await mkdir(dataDir);
    const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
    db.pragma('user_version = 9999');
    db.close();
    secureDataFolder(dataDir); // as Redaksi left it: only the refusal is said
    const run = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('versi Redaksi yang lebih baru');
    expect(run.stderr).toContain('newer version of Redaksi');
  });

  it('starts again on the same data folder with the same port and token, so tabs left open keep working', async () => {
    const first = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (_url, stop) => stop());
    const firstUrl = /http:\/\/\S+/.exec(first.stdout)![0];
    // No --port: the default is the port this data folder used last time.
    const second = await runCli(['--data', dataDir, '--static', staticDir], async (url, stop) => {
      const address = new URL(url);
      const info = await fetch(`${address.origin}/api/invoke/app-info`, {
        method: 'POST',
        headers: { 'x-redaksi-token': new URL(firstUrl).searchParams.get('token')!, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(info.status).toBe(200);
      stop();
    });
    expect(second.code).toBe(0);
    expect(/http:\/\/\S+/.exec(second.stdout)![0]).toBe(firstUrl);
    expect(second.stderr).toBe('');

    // Asked for, a new token locks out the old tabs.
    const third = await runCli(['--data', dataDir, '--static', staticDir, '--new-token'], async (_url, stop) => stop());
    const thirdUrl = new URL(/http:\/\/\S+/.exec(third.stdout)![0]);
    expect(thirdUrl.port).toBe(new URL(firstUrl).port);
    expect(thirdUrl.searchParams.get('token')).not.toBe(new URL(firstUrl).searchParams.get('token'));
  });

  it('started again while its host runs on the folder, points to that host instead of opening the data twice', async () => {
    let again: Run | undefined;
    let newToken: Run | undefined;
    const first = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (url, stop) => {
      again = await runCli(['--data', dataDir, '--static', staticDir]);
      expect(again.stdout).toContain(`is already running for this data folder, open: ${url}`);
      // Asked for a new token, it must not point to the old one as if that had been done.
      newToken = await runCli(['--new-token', '--data', dataDir, '--static', staticDir]);
      stop();
    });
    expect(first.code).toBe(0);
    expect(again!.code).toBe(0);
    expect(again!.stdout.trim().split('\n')).toHaveLength(1);
    expect(newToken!.code).toBe(1);
    expect(newToken!.stdout).toBe('');
    expect(newToken!.stderr).toContain('is in use by another Redaksi');
  });

  it('does not take a listener on the remembered port for its host unless it proves it knows the token', async () => {
    const first = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (_url, stop) => stop());
    const port = Number(new URL(/http:\/\/\S+/.exec(first.stdout)![0]).port);
    const asked: string[] = [];
    const impostor = http.createServer((req, res) => {
      asked.push(`${req.url} ${JSON.stringify(req.headers)}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ proof: 'x', ok: true, value: { transport: 'web' } }));
    });
    await new Promise<void>((resolve) => impostor.listen(port, '127.0.0.1', resolve));
    const held = lockDataFolder(dataDir);
    try {
      const run = await runCli(['--data', dataDir, '--static', staticDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('sedang dipakai Redaksi lain');
      const token = new URL(/http:\/\/\S+/.exec(first.stdout)![0]).searchParams.get('token')!;
      expect(asked).toHaveLength(1);
      expect(asked.join('')).not.toContain(token);
    } finally {
      held.release();
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  it('refuses, in one line, a data folder another Redaksi holds that is not a browser-mode host', async () => {
    await mkdir(dataDir);
    const held = lockDataFolder(dataDir);
    secureDataFolder(dataDir); // as Redaksi left it: only the refusal is said
    try {
      const run = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('sedang dipakai Redaksi lain');
      expect(run.stderr).toContain('is in use by another Redaksi');
    } finally {
      held.release();
    }
  });

  it('moves to a free port, saying so, when the remembered one is taken; a port asked for is never given up', async () => {
    const first = await runCli(['--port', '0', '--data', dataDir, '--static', staticDir], async (_url, stop) => stop());
    const port = Number(new URL(/http:\/\/\S+/.exec(first.stdout)![0]).port);
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const moved = await runCli(['--data', dataDir, '--static', staticDir], async (_url, stop) => stop());
      expect(moved.code).toBe(0);
      expect(Number(new URL(/http:\/\/\S+/.exec(moved.stdout)![0]).port)).not.toBe(port);
      expect(moved.stderr).toContain(`port ${port} is in use`);
      expect(moved.stderr).toContain(`port ${port} sudah dipakai`);

      const refused = await runCli(['--port', String(port), '--data', dataDir, '--static', staticDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`port ${port} sudah dipakai / is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses to start without a built interface', async () => {
    const run = await runCli(['--port', '0', '--data', dataDir, '--static', path.join(root, 'missing')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run build');
  });
});
