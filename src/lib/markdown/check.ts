/**
 * The content check's pass over prose: parses a Markdown body as the build's processor does
 * (Sätteri) and reports raw HTML and links to forbidden schemes, each with its line in the file.
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import type { ContentProblem } from '../problems.ts';
import { describeHtml, forbiddenScheme, linkProblem, mayCarryHtmlOrLinks, rawHtmlProblem } from './raw-html.ts';

/** Problems with one file's prose. `body` keeps the frontmatter's lines blank, so lines are the file's. */
export function proseProblems(file: string, body: string): ContentProblem[] {
  if (!mayCarryHtmlOrLinks.test(body)) return [];
  const problems: ContentProblem[] = [];
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line;
    if (node.type === 'html') {
      const what = describeHtml(node.value);
      if (what) problems.push(rawHtmlProblem(file, line, node.value, what));
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = forbiddenScheme(node.url);
      if (scheme) problems.push(linkProblem(file, line, node.url, scheme));
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(markdownToMdast(body, { features: { gfm: true } }));
  return problems;
}
