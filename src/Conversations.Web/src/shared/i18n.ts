/** A dictionary per language, the same keys in each. */
export type Dictionaries<K extends string> = Record<string, Record<K, string>>;

/** The first supported language among the requested one and the browser's, else the fallback. */
export function pickLocale(supported: readonly string[], requested: readonly (string | null | undefined)[], fallback: string): string {
  for (const tag of requested) {
    const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (language && supported.includes(language)) return language;
  }
  return fallback;
}

/** A translator: the text for a key in the chosen language, "{name}" placeholders filled in. */
export function translator<K extends string>(dictionaries: Dictionaries<K>, locale: string) {
  const dictionary = dictionaries[locale];
  return (key: K, values?: Record<string, string | number>): string => {
    const template = dictionary[key];
    return values ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : template;
  };
}
