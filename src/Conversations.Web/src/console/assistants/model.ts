// The JSON of GET/PUT /api/assistants/{id}/draft: the Bots definition model with the YAML file's names.

/** A plain string (every language) or language code → text. */
export type Localized = string | Record<string, string>;

export interface OptionDef {
  id: string;
  label?: Localized;
  value?: string;
  goto?: string;
  intent?: string;
}

export interface Condition {
  variable?: string;
  equals?: string;
  contains?: string;
  exists?: boolean;
  matches?: string;
}

export interface BranchCase extends Condition {
  goto?: string;
}

export interface StepDef {
  id: string;
  type: string;
  text?: Localized;
  image?: string;
  quickReplies: OptionDef[];
  variable?: string;
  choices: OptionDef[];
  validate?: string;
  reask?: Localized;
  cases: BranchCase[];
  else?: string;
  value?: string;
  tag?: string;
  article?: string;
  team?: string;
  agent?: string;
  next?: string;
}

export interface IntentDef {
  id: string;
  title?: Localized;
  phrases: Record<string, string[]>;
  answer?: Localized;
  article?: string;
  quickReplies: OptionDef[];
  goto?: string;
}

export interface RuleDef {
  when: Condition;
  assignTeam?: string;
  tag?: string;
  priority?: string;
  set: Record<string, string>;
}

export interface ArticleDef {
  id: string;
  language: string;
  title: string;
  body: string;
  keywords: string[];
  published: boolean;
}

export interface FallbackDef {
  limit: number;
  message?: Localized;
  offer?: Localized;
  humanLabel?: Localized;
  continueLabel?: Localized;
  humanStep?: string;
}

export interface AssistantDef {
  id: string;
  name: string;
  languages: string[];
  defaultLanguage?: string;
  languageVariable?: string;
  threshold?: number;
  start?: string;
  resumeAt?: string;
  fallback: FallbackDef;
  didYouMean?: Localized;
  synonyms: Record<string, Record<string, string[]>>;
  onboardingRules: RuleDef[];
  steps: StepDef[];
  intents: IntentDef[];
  knowledge: ArticleDef[];
}

/** A row of GET /api/assistants. */
export interface AssistantSummary {
  id: string;
  name: string;
  status: 'draft' | 'active';
  publishedVersion: number | null;
  versions: { number: number; publishedAt: string; rolledBackFrom?: number | null }[];
  languages: string[];
  /** The ids of the sites and channels it answers on. */
  sites?: string[];
  channels?: string[];
}

/** The answer of POST /api/assistants/{id}/preview. */
export interface PreviewMatch {
  intent: string | null;
  confidence: number;
  language: string;
  candidates: { intent: string; score: number }[];
}

export const stepTypes = ['message', 'question', 'input', 'branch', 'set', 'tag', 'note', 'article', 'transfer', 'end'] as const;
export const validations = ['', 'email', 'phone', 'number', 'notEmpty'] as const;
export const operators = ['equals', 'contains', 'exists', 'matches'] as const;
export type Operator = (typeof operators)[number];
