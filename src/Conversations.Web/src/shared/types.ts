// CONTRACT.md's shapes, as the hubs send them (JSON, camelCase).

export type AuthorKind = 'customer' | 'bot' | 'agent' | 'system';
export type MessageKind = 'text' | 'image' | 'choice' | 'system' | 'note';
export type ConversationStatus = 'bot' | 'waiting' | 'live' | 'closed';

export interface Author {
  kind: AuthorKind;
  id?: string;
  name: string;
}

export interface Attachment {
  id: string;
  url: string;
  contentType: string;
  name: string;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  kind: MessageKind;
  author: Author;
  text?: string | null;
  attachment?: Attachment | null;
  options?: ChoiceOption[] | null;
  clientMessageId?: string | null;
  createdAt: string;
}

export interface AgentRef {
  id: string;
  name: string;
  avatarUrl?: string | null;
}

export interface ConversationState {
  conversationId: string;
  status: ConversationStatus;
  agent?: AgentRef | null;
}

export interface QueueInfo {
  conversationId: string;
  position: number;
  estimatedWaitSeconds: number;
}

export interface TypingInfo {
  conversationId: string;
  author: { kind: AuthorKind; name: string };
  isTyping: boolean;
}

export interface HelpOffer {
  conversationId: string;
  agent: AgentRef;
}

export interface ReadInfo {
  conversationId: string;
  upToSeq: number;
}

export interface StartResult {
  conversationId: string;
  visitorToken: string;
  state: ConversationState;
  messages: Message[];
}
