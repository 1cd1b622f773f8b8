/**
 * Plain http:// to a portal sends the Application Password (Basic auth) and every article in clear
 * over the network. Only a portal on this computer itself is exempt (a test or development
 * WordPress on loopback: the traffic never leaves the machine).
 */

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}

/** True for an http:// address of a portal that is not on this computer. Addresses without a scheme become https://. */
export function isUnencryptedRemote(address: string): boolean {
  const trimmed = address.trim();
  if (!/^http:\/\//i.test(trimmed)) return false;
  try {
    return !isLoopbackHost(new URL(trimmed).hostname);
  } catch {
    return false;
  }
}
