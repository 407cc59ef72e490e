/**
 * /vendors/<id>/: a supplier or software vendor, its products, the incidents where it was the
 * compromised supplier kept apart from those where its product was exploited, and its
 * vulnerabilities with their exposure windows.
 */
import { vendorKindLabels } from '../../schemas/vocabularies.ts';
import type { ResolvedIncident, ResolvedVendor, VendorInvolvement } from '../model.ts';
import { absoluteUrl, dataPaths } from '../export/site-url.ts';
import { paths } from '../urls.ts';
import { correctionFor, entryFor, pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { entityBody, type EntityBodyView } from './entity-body.ts';
import { exposureView, incidentItem, sourceList, type ExposureView, type IncidentItemView, type SourceView } from './parts.ts';

export interface VendorRoleView {
  /** "Systems affected: A, B" or "Product: A", when products are named. */
  products?: string | undefined;
  /** CVEs it was exploited through, each linked to its page. */
  cves: LinkView[];
  note?: string | undefined;
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
  asSupplier: { incident: IncidentItemView; roles: VendorRoleView[] }[];
  asProduct: { incident: IncidentItemView; roles: VendorRoleView[] }[];
  vulnerabilities: {
    link: LinkView;
    aliases?: string | undefined;
    name: string;
    exposures: { incident: LinkView; exposure: ExposureView }[];
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
    }));
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
    asSupplier: vendor.asSupplier.map((incident) => ({ incident: incidentItem(incident), roles: roles(vendor, incident, 'compromised-supplier', 'Systems affected') })),
    asProduct: vendor.asProduct.map((incident) => ({ incident: incidentItem(incident), roles: roles(vendor, incident, 'vulnerable-product', 'Product') })),
    vulnerabilities: vendor.vulnerabilities.map((v) => ({
      link: { path: paths.vulnerability(v.data.cve), text: v.data.cve },
      aliases: v.data.aliases.length > 0 ? v.data.aliases.join(', ') : undefined,
      name: v.data.name,
      exposures: v.exposures.map((e) => ({ incident: { path: paths.incident(e.incident.id), text: e.incident.data.title }, exposure: exposureView(e.window) })),
    })),
    sources: sourceList(data.sources),
  };
}
