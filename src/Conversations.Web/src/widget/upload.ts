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

/** Uploads with the visitor token, the widget's only credential. */
export async function uploadImage(serverUrl: string, visitorToken: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(new URL('/api/uploads', serverUrl), {
    method: 'POST',
    body,
    headers: { 'X-Visitor-Token': visitorToken },
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`upload failed (${response.status})`);
  return (await response.json()) as Attachment;
}

/** Images are served only to their conversation's visitor (token in a header), so an <img> cannot
 * fetch them itself: they come through fetch and are shown from object URLs, cached per upload. */
export class ImageCache {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly serverUrl: string,
    private readonly token: () => string | undefined,
  ) {}

  objectUrl(attachment: Attachment): Promise<string> {
    let url = this.urls.get(attachment.id);
    if (!url) {
      url = this.fetchImage(attachment);
      url.catch(() => this.urls.delete(attachment.id));
      this.urls.set(attachment.id, url);
    }
    return url;
  }

  /** Shows a local file (just uploaded, or being previewed) without fetching it back. */
  remember(attachmentId: string, objectUrl: string): void {
    this.urls.set(attachmentId, Promise.resolve(objectUrl));
  }

  private async fetchImage(attachment: Attachment): Promise<string> {
    const token = this.token();
    const response = await fetch(new URL(attachment.url, this.serverUrl), {
      headers: token ? { 'X-Visitor-Token': token } : {},
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`image ${attachment.id}: ${response.status}`);
    return URL.createObjectURL(await response.blob());
  }
}
