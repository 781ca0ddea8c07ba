// Shapes of CONTRACT.md as the console reads them.

export type Status = 'bot' | 'waiting' | 'live' | 'closed';
export type View = 'live' | 'closed' | 'bot';
export type Filter = 'all' | 'unassigned' | 'unread' | 'mine';
export type AgentStatus = 'online' | 'away' | 'offline';

export interface AgentRef {
  id: string;
  name: string;
  avatarUrl?: string | null;
}

export interface ConversationSummary {
  id: string;
  siteId: string;
  channelId: string;
  status: Status;
  assignedAgent?: AgentRef | null;
  contact: { id: string; displayName: string; online: boolean };
  lastMessage?: { text?: string | null; authorKind: string; createdAt: string } | null;
  unread: number;
  unanswered: boolean;
  waitingSince?: string | null;
  monitored: 'none' | 'weak' | 'strong';
}

export interface Attachment {
  id: string;
  url: string;
  contentType: string;
  name: string;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  kind: 'text' | 'image' | 'choice' | 'system' | 'note';
  author: { kind: 'customer' | 'bot' | 'agent' | 'system'; id?: string | null; name: string };
  text?: string | null;
  attachment?: Attachment | null;
  options?: { id: string; label: string }[] | null;
  clientMessageId?: string | null;
  createdAt: string;
}

export interface Snippet {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}

export interface ListQuery {
  view: View;
  filter: Filter;
  siteId?: string | null;
  q?: string | null;
  agentId: string;
}
