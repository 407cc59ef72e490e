/**
 * A page's cacheKey for Astro's incremental builds: the digest of its view. The view holds
 * everything the page shows, so any content edit that changes the page changes the key, and a
 * component that starts showing a new field changes it by construction (the field is in the view).
 * Views are plain data built in a fixed order, so their JSON is stable from one build to the next.
 */
import { createHash } from 'node:crypto';

export function digestOf(view: unknown): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('base64url');
}
