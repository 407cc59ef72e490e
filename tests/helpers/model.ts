/** Builds the resolved model from a content folder without Astro, for tests over pure logic. */
import { checkContentFolder, collectionsOf } from '../../src/lib/check-content.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildKnowledgeBase, type CollectionsInput, type KnowledgeBase } from '../../src/lib/model.ts';
import { root } from './site.ts';
import { goodFixture } from './fixtures.ts';

export function collectionsFrom(contentDir: string): CollectionsInput {
  const { entries, problems } = checkContentFolder(root, contentDir);
  if (problems.length) throw new Error(formatProblems(problems));
  return collectionsOf(entries);
}

export function knowledgeBaseFrom(contentDir = goodFixture): KnowledgeBase {
  return buildKnowledgeBase(collectionsFrom(contentDir));
}
