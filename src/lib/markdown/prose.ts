/**
 * Plugins for the Markdown pipeline that renders incident and entity prose (Astro 7's Sätteri
 * processor, registered in astro.config.mjs). They work on the Markdown tree, so text inside code
 * is never touched:
 * - citations: [@id] and [@id1; @id2] become numbered links to the entry's own source list, kept
 *   on the line of the word before them and out of the search index;
 * - headings: the write-up's own sections move down a level (## → h3), under the page section
 *   that holds the prose ("The full story", "Profile"), with ids prefixed "story-" or "profile-";
 * - and first, a guard: raw HTML or a link to a forbidden scheme (javascript:, data: ...) fails the
 *   render, naming the file, the line and the element (the content check says the same earlier).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastContent, type MdastPluginEntry, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';
import GithubSlugger from 'github-slugger';
import { splitCitations } from '../citations.ts';
import { ContentError, type ContentProblem } from '../problems.ts';
import { describeHtml, forbiddenScheme, linkProblem, mayCarryHtmlOrLinks, rawHtmlProblem } from './raw-html.ts';

/** The file being rendered, from the project's root (or as given when the pipeline is not told). */
function fileOf(ctx: MdastVisitorContext): string {
  return ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)).split('\\').join('/') : '(prose)';
}

function fail(problem: ContentProblem): never {
  throw new ContentError([problem]);
}

/** A link, image or link definition must go to an https: or mailto: address or a page of this site. */
function checkUrl(node: { url: string; position?: { start: { line: number } } | undefined }, ctx: MdastVisitorContext): void {
  const scheme = forbiddenScheme(node.url);
  if (scheme) fail(linkProblem(fileOf(ctx), node.position?.start.line, node.url, scheme));
}

const rawHtmlGuard = defineMdastPlugin({
  name: 'nhs-kb:no-raw-html',
  options: { position: true },
  html(node, ctx) {
    const what = describeHtml(node.value);
    if (what) fail(rawHtmlProblem(fileOf(ctx), node.position?.start.line, node.value, what));
  },
  link: checkUrl,
  image: checkUrl,
  definition: checkUrl,
});

/**
 * Fails on raw HTML (elements, comments, handlers) and on links to schemes prose may not use. Prose
 * that cannot hold either is left alone, so most documents are parsed without source positions.
 */
export const rawHtmlPlugin: MdastPluginEntry = (factory: PluginFactoryContext) => (mayCarryHtmlOrLinks.test(factory.source) ? rawHtmlGuard : null);

/** Source id → number, from the frontmatter's sources list (the order the page numbers them in). */
function sourceNumbers(data: PluginFactoryContext['data']): Map<string, number> {
  const frontmatter = (data as { astro?: { frontmatter?: { sources?: unknown } } }).astro?.frontmatter;
  const sources = Array.isArray(frontmatter?.sources) ? frontmatter.sources : [];
  return new Map(sources.flatMap((source: unknown, index) => (source && typeof source === 'object' && 'id' in source && typeof source.id === 'string' ? [[source.id, index + 1] as const] : [])));
}

/** The no-break space before a cite: the entity in Markdown pages (as before); MDX cannot take raw HTML, so a plain U+00A0 there. */
type SpaceBefore = 'entity' | 'character';

/** Numbered citation links; a document without sources has nothing to link to. */
const citationsWith = (space: SpaceBefore): MdastPluginEntry => (factory: PluginFactoryContext) => {
  if (!factory.source.includes('[@')) return null;
  const numbers = sourceNumbers(factory.data);
  if (numbers.size === 0) return null;
  return defineMdastPlugin({
    name: 'nhs-kb:citations',
    text(node, ctx) {
      const parts = splitCitations(node.value, numbers);
      if (!parts) return;
      ctx.replaceNode(
        node,
        parts.flatMap((part): MdastContent[] => {
          if ('text' in part) return [{ type: 'text', value: part.text }];
          const links = part.cite.flatMap((link, i): MdastContent[] => [
            ...(i > 0 ? [{ type: 'text', value: ', ' } as const] : []),
            { type: 'link', url: link.href, data: { hProperties: { ariaLabel: link.label } }, children: [{ type: 'text', value: String(link.number) }] },
          ]);
          return [
            // A no-break space keeps the number on the line of the word it supports (as the entity, as before).
            ...(part.spaceBefore ? [space === 'entity' ? ({ type: 'html', value: '&nbsp;' } as const) : ({ type: 'text', value: '\u00a0' } as const)] : []),
            {
              type: 'superscript',
              // The numbers stay out of the search index and its excerpts, as on every other cite.
              data: { hProperties: { className: ['cite'], dataPagefindIgnore: true } },
              children: [{ type: 'text', value: '[' }, ...links, { type: 'text', value: ']' }] as never,
            },
          ];
        }),
      );
    },
  });
};

export const citationsPlugin = citationsWith('entity');

/**
 * Prose heading ids start with the section that holds the prose ("story-" on an incident page,
 * "profile-" on an entity page), so a write-up's "## Impact" or "## Lessons" can never take an id
 * the page's own sections use ("impact"): unique by construction, not by luck of wording.
 */
export function proseHeadingPrefix(file: string): string {
  return /(^|\/)content\/incidents\//.test(file) ? 'story-' : 'profile-';
}

/** Every heading one level down, capped at h6, with an id under the prose's own prefix. */
export const headingsPlugin: MdastPluginEntry = () => {
  const slugger = new GithubSlugger();
  return defineMdastPlugin({
    name: 'nhs-kb:demote-headings',
    heading(node, ctx) {
      ctx.setProperty(node, 'depth', Math.min(6, node.depth + 1) as typeof node.depth);
      const id = `${proseHeadingPrefix(fileOf(ctx))}${slugger.slug(ctx.textContent(node))}`;
      ctx.setProperty(node, 'data', { ...node.data, hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, id } });
    },
  });
};

/** The prose plugins, in the order they run: the guard before the citations add their own markup. */
export const prosePlugins: MdastPluginEntry[] = [rawHtmlPlugin, citationsPlugin, headingsPlugin];

/**
 * Editorial pages in MDX (the trainers' guide): the same guard and citations, but their headings
 * stay as written, since the page's own sections are the MDX's (## is an h2 under the page's h1).
 */
export const editorialPlugins: MdastPluginEntry[] = [rawHtmlPlugin, citationsWith('character')];
