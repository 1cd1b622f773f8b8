/// <reference types="vite/client" />
import type { RedaksiBridge } from '../../shared/transport';

declare global {
  interface Window {
    /** Present only inside Electron, where the preload exposes it through contextBridge. */
    readonly redaksi?: RedaksiBridge;
  }
}

export {};
