/**
 * schema.org metadata for an incident page, so search engines and reference managers read the
 * title, dates, subject organisations and sources. Serialised for an inline
 * <script type="application/ld+json">: every "<" is escaped, so text from content can never close
 * the block ("</script>") whatever it holds.
 */
import type { ResolvedIncident } from '../model.ts';
import { paths } from '../urls.ts';
import { siteName } from '../site.ts';
import { absoluteUrl, type SiteContext } from './site-url.ts';

export function incidentJsonLd(incident: ResolvedIncident, ctx: SiteContext): Record<string, unknown> {
  const { data } = incident;
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    headline: data.title,
    description: data.summary,
    url: absoluteUrl(ctx, paths.incident(incident.id)),
    dateModified: data.lastReviewed.value,
    inLanguage: 'en-GB',
    publisher: { '@type': 'Organization', name: siteName, url: absoluteUrl(ctx, paths.home()) },
    about: [
      ...incident.organisations.map((o) => ({ '@type': 'Organization', name: o.entry.data.name, url: absoluteUrl(ctx, paths.organisation(o.id)) })),
      ...incident.vendors.map((v) => ({ '@type': 'Organization', name: v.entry.data.name, url: absoluteUrl(ctx, paths.vendor(v.id)) })),
    ],
    keywords: [...incident.attackTypes.map((t) => t.data.name), ...incident.actors.map((a) => a.entry.data.name), ...data.vulnerabilities.map((v) => v.cve)].join(', '),
    citation: data.sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, publisher: s.publisher, url: s.url })),
  };
}

/** JSON for an inline script block: "<", ">" and "&" become \u escapes, which JSON parsers read back. */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
