import { isHexColor, textOn } from './contrast';

/** The site's look (GET /api/sites/{id}/widget), with the text colour that reads on its primary colour. */
export interface WidgetConfig {
  siteId: string;
  name: string;
  title?: string;
  greeting?: string;
  primaryColor?: string;
  onPrimary: string;
  avatarUrl?: string;
  launcherPosition: 'left' | 'right';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

export function parseConfig(siteId: string, raw: unknown): WidgetConfig {
  const data = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const primaryColor = isHexColor(data.primaryColor) ? data.primaryColor : undefined;
  return {
    siteId,
    name: text(data.name) ?? siteId,
    title: text(data.title),
    greeting: text(data.greeting),
    primaryColor,
    onPrimary: primaryColor ? textOn(primaryColor) : '#ffffff',
    avatarUrl: text(data.avatarUrl),
    launcherPosition: data.launcherPosition === 'left' ? 'left' : 'right',
  };
}

/** Fetches the site's look; the launcher must paint quickly, so after `timeoutMs` (or on any error) the
 * defaults are used. */
export async function loadConfig(serverUrl: string, siteId: string, timeoutMs = 1_500): Promise<WidgetConfig> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(new URL(`/api/sites/${encodeURIComponent(siteId)}/widget`, serverUrl), {
      credentials: 'omit',
      signal: controller.signal,
    });
    return parseConfig(siteId, response.ok ? await response.json() : {});
  } catch {
    return parseConfig(siteId, {});
  } finally {
    clearTimeout(timer);
  }
}
