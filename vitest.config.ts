// Unit and integration tests (vitest): services and repositories against real databases.
// End-to-end (Playwright) and Electron suites live in tests/e2e and tests/electron.
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Renderer components (.vue) are mounted in happy-dom by tests/unit/renderer/components.
  plugins: [vue()],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Child processes, not threads: the native sqlite3 driver and 128 MiB scrypt hashes are
    // happier apart. Two workers fit a two-core machine; each file builds its own database.
    pool: 'forks',
    maxWorkers: 2,
    // A limit guards against a hang; it is never a speed check. scrypt with OWASP parameters
    // takes ~0.3 s per hash and a lockout test does several; building a file's demo database (and
    // seeding PostgreSQL) takes a few seconds. A busy two-core machine (CI beside other work) runs
    // all of it up to ten times slower, so the limits sit far above a quiet machine's times.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
})
