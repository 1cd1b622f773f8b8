import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Redaksi';

/**
 * The folder Electron's app.getPath('userData') gives for productName "Redaksi", computed without
 * Electron so browser mode and the desktop app share one database by default.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  // Electron follows the XDG spec on Linux and the BSDs; a relative XDG_CONFIG_HOME is invalid per spec.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(configHome, PRODUCT_NAME);
}

/** The data folder browser mode uses: --data, else REDAKSI_DATA_DIR, else the desktop app's folder. */
export function resolveDataDir(cliValue: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (cliValue) return path.resolve(cliValue);
  if (env.REDAKSI_DATA_DIR) return path.resolve(env.REDAKSI_DATA_DIR);
  return defaultDataDir(env);
}
