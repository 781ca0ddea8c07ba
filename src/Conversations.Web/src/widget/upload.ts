import { safeHref } from '../shared/text';
import type { Attachment } from '../shared/types';

/** What the server accepts (CONTRACT.md, POST /api/uploads): checked here first, so a wrong file is
 * refused with a clear message before a byte is sent. */
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const maxImageBytes = 5 * 1024 * 1024;

export type ImageCheck = 'ok' | 'wrongType' | 'tooLarge';

export function checkImage(file: { type: string; size: number }): ImageCheck {
  if (!(acceptedImageTypes as readonly string[]).includes(file.type)) return 'wrongType';
  if (file.size > maxImageBytes) return 'tooLarge';
  return 'ok';
}

/** Uploads with the visitor token, the widget's only credential. The site is named in the query too: a
 * cross-origin preflight carries no token, and the server grants CORS by the site's allowed origins. */
export async function uploadImage(serverUrl: string, siteId: string, visitorToken: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  const url = new URL('/api/uploads', serverUrl);
  url.searchParams.set('siteId', siteId);
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'X-Visitor-Token': visitorToken },
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`upload failed (${response.status})`);
  return (await response.json()) as Attachment;
}

/** Where each image is shown from: a message's attachment carries a signed, expiring link that an <img>
 * loads without a header; a file the visitor just sent is shown from its local preview instead. */
export class ImageSources {
  private readonly local = new Map<string, string>();

  constructor(private readonly serverUrl: string) {}

  source(attachment: Attachment): string | null {
    return this.local.get(attachment.id) ?? safeHref(new URL(attachment.url, this.serverUrl).href);
  }

  /** Shows a local file (just uploaded) without fetching it back. */
  remember(attachmentId: string, objectUrl: string): void {
    this.local.set(attachmentId, objectUrl);
  }
}
