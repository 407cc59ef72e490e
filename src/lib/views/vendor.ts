/**
 * /vendors/<id>/: a supplier or software vendor, its products, the incidents where it was itself
 * breached kept apart from those where a product it made was exploited (each with the incident's
 * sources for it), and its vulnerabilities. A part with no incident is left out: a heading that
 * says a vendor was breached never stands over an empty list.
 */
import { vendorKindLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident, ResolvedVendor, VendorInvolvement } from '../model.ts';
import { absoluteUrl, dataPaths } from '../export/site-url.ts';
import { paths, sourceAnchor } from '../urls.ts';
import { countOf, withArticle } from '../wording.ts';
import { correctionFor, dateView, entryFor, pageFrame, type DateView, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { entityBody, type EntityBodyView } from './entity-body.ts';
import { incidentItem, sourceList, type IncidentItemView, type SourceView } from './parts.ts';

/** One way the vendor figures in one incident: what was hit, through which CVEs, and on whose word. */
export interface VendorRoleView {
  /** "Systems affected: A, B" or "Product: A", when products are named. */
  products?: string | undefined;
  /** CVEs it was exploited through, each linked to its page. */
  cves: LinkView[];
  note?: string | undefined;
  /** The incident's sources for this role, each linked to its place in the incident's numbered list. */
  sources: LinkView[];
}

export interface VendorIncidentView {
  incident: IncidentItemView;
  roles: VendorRoleView[];
}

export interface VendorPageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  name: string;
  summary: string;
  kinds: string;
  aliases?: string | undefined;
  website?: string | undefined;
  products: { id: string; name: string; aliases?: string | undefined; description: string }[];
  body: EntityBodyView;
  /**
   * How it figures in the incidents here, one sentence per role, each counted: "Ivanti made a
   * product that was exploited in 1 incident.", and, when no incident records a breach of the
   * vendor itself, a sentence that says so plainly.
   */
  involvement: string[];
  /** Incidents where the vendor itself was breached (role compromised-supplier); empty: the part is left out. */
  breached: VendorIncidentView[];
  /** Incidents where a product it made was exploited; empty: the part is left out. */
  exploited: { heading: string; hint: string; incidents: VendorIncidentView[] };
  vulnerabilities: {
    link: LinkView;
    aliases?: string | undefined;
    name: string;
    fixed?: DateView | undefined;
  }[];
  sources: SourceView[];
}

function roles(vendor: ResolvedVendor, incident: ResolvedIncident, role: VendorInvolvement['role'], productsLabel: string): VendorRoleView[] {
  return (vendor.involvement.get(incident.id) ?? [])
    .filter((r) => r.role === role)
    .map((r) => ({
      products: r.products.length > 0 ? `${productsLabel}: ${r.products.map((p) => p.name).join(', ')}` : undefined,
      cves: r.cves.map((cve) => ({ path: paths.vulnerability(cve), text: cve })),
      note: r.note,
      sources: roleSources(incident, r.sources),
    }));
}

/** Links to the incident's sources, by publisher (and title, where one publisher gave two). */
function roleSources(incident: ResolvedIncident, ids: readonly string[]): LinkView[] {
  const sources = ids.flatMap((id) => incident.data.sources.filter((s) => s.id === id));
  const publishers = sources.map((s) => s.publisher);
  return sources.map((s) => ({
    path: `${paths.incident(incident.id)}#${sourceAnchor(s.id)}`,
    text: publishers.indexOf(s.publisher) === publishers.lastIndexOf(s.publisher) ? s.publisher : `${s.publisher}: ${s.title}`,
  }));
}

/** The sentences that open the incidents section: each role with its count, and a plain "not breached" where that is so. */
function involvementSentences(name: string, breached: number, exploited: number): string[] {
  if (breached === 0 && exploited === 0) return [`No incident here involves ${name}.`];
  const sentences: string[] = [];
  if (breached > 0) sentences.push(`${name} was itself breached in ${countOf(breached, 'incident')}.`);
  if (exploited > 0) sentences.push(`${name} made a product that was exploited in ${countOf(exploited, 'incident')}.`);
  if (breached === 0) sentences.push(`No incident here records ${name} itself being breached.`);
  return sentences;
}

export function vendorPage(ctx: ViewContext, id: string): VendorPageView {
  const vendor = entryFor(ctx.kb.vendors, id, 'vendor', 'vendors');
  const data = vendor.data;
  return {
    page: pageFrame(ctx.site, {
      path: paths.vendor(id),
      title: data.name,
      description: data.summary,
      searchKind: 'Supplier or vendor',
      feeds: [{ title: `Incidents involving ${data.name}`, href: absoluteUrl(ctx.site, dataPaths.vendorFeed(id)) }],
      correction: correctionFor(ctx, vendor, data.name, paths.vendor(id)),
    }),
    breadcrumbs: [{ text: 'Suppliers and vendors', path: paths.vendors() }],
    name: data.name,
    summary: data.summary,
    kinds: data.kinds.map((k) => vendorKindLabels[k]).join('; '),
    aliases: data.aliases.length > 0 ? data.aliases.join(', ') : undefined,
    website: data.website,
    products: data.products.map((p) => ({ id: `product-${p.id}`, name: p.name, aliases: p.aliases.length > 0 ? p.aliases.join(', ') : undefined, description: p.description })),
    body: entityBody(vendor, 'Background'),
    involvement: involvementSentences(data.name, vendor.asSupplier.length, vendor.asProduct.length),
    breached: vendor.asSupplier.map((incident) => ({ incident: incidentItem(incident), roles: roles(vendor, incident, 'compromised-supplier', 'Systems affected') })),
    exploited: {
      heading: `Incidents where ${withArticle(`${data.name} product`)} was exploited`,
      hint: `Attackers used a flaw in ${withArticle(`${data.name} product`)} that an NHS body or its supplier ran: a flaw in the product, not a breach of ${data.name}'s own systems.`,
      incidents: vendor.asProduct.map((incident) => ({ incident: incidentItem(incident), roles: roles(vendor, incident, 'vulnerable-product', 'Product') })),
    },
    vulnerabilities: vendor.vulnerabilities.map((v) => ({
      link: { path: paths.vulnerability(v.data.cve), text: v.data.cve },
      aliases: v.data.aliases.length > 0 ? v.data.aliases.join(', ') : undefined,
      name: v.data.name,
      fixed: v.data.patched ? dateView(v.data.patched) : undefined,
    })),
    sources: sourceList(data.sources),
  };
}
