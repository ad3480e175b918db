// Types for electron-binary.mjs (imported by the TypeScript tests).
export declare const projectRoot: string
export declare function platformExecutable(platform?: NodeJS.Platform | 'mas'): string
export declare function electronPackageDir(root?: string): string | null
export type ElectronLookup =
  { found: true; path: string; source: string } | { found: false; reason: string; packageDir: string | null }
export declare function findElectronBinary(options?: {
  root?: string
  env?: NodeJS.ProcessEnv
}): ElectronLookup
