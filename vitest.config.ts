import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (measured with `vitest run --reporter=json`). Vitest
 * orders files by their last run's duration, but a fresh clone has no last run and it falls back
 * to file size: the accessibility crawl, a third of the suite, then started late and ran alone at
 * the end. These start first; every other file follows in Vitest's own order.
 */
const slowest = [
  'tests/quality/accessibility.test.ts',
  'tests/site/incremental.test.ts',
  'tests/e2e/search.test.ts',
  'tests/e2e/timeline.test.ts',
  'tests/e2e/training-print.test.ts',
  'tests/e2e/training-browser.test.ts',
  'tests/e2e/timeline-chronology.test.ts',
  'tests/e2e/charts-browser.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = slowest.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return index === -1 ? slowest.length : index;
    };
    // Array.prototype.sort is stable: files outside the list keep Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: at most two test files (and so two Chromiums) at once.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
  },
});
