import { t } from './i18n';

/** Browser notifications (after permission), a short sound (mutable), and the tab title count. */
export class Alerts {
  muted = localStorage.getItem('console.muted') === '1';
  waiting = 0;
  private audio: AudioContext | null = null;
  readonly shown: { title: string; body: string }[] = [];

  get permission(): NotificationPermission | 'unsupported' {
    return 'Notification' in window ? Notification.permission : 'unsupported';
  }

  async requestPermission(): Promise<void> {
    if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  }

  toggleMute(): void {
    this.muted = !this.muted;
    localStorage.setItem('console.muted', this.muted ? '1' : '0');
  }

  setWaiting(count: number): void {
    this.waiting = count;
    document.title = count > 0 ? `(${count}) ${t('appName')}` : t('appName');
  }

  notify(n: { kind: string; conversationId: string; title: string; body: string }, open: () => void): void {
    const title = n.kind === 'handoff' ? t('customerWaiting') : n.kind === 'message' ? t('newMessageFrom', { name: n.title }) : n.title;
    // Kept for the page too (tests and the screen reader region read it); capped so it never grows.
    this.shown.unshift({ title, body: n.body });
    this.shown.length = Math.min(this.shown.length, 20);
    this.beep();
    if (this.permission === 'granted' && (document.hidden || n.kind !== 'message')) {
      try {
        const notification = new Notification(title, { body: n.body, tag: `${n.kind}:${n.conversationId}` });
        notification.onclick = () => {
          window.focus();
          open();
          notification.close();
        };
      } catch {
        // Some browsers only allow notifications from a service worker; the page still shows the alert.
      }
    }
  }

  private beep(): void {
    if (this.muted) return;
    try {
      this.audio ??= new AudioContext();
      const oscillator = this.audio.createOscillator();
      const gain = this.audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.08, this.audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.0001, this.audio.currentTime + 0.25);
      oscillator.connect(gain).connect(this.audio.destination);
      oscillator.start();
      oscillator.stop(this.audio.currentTime + 0.25);
    } catch {
      // No audio output (or not allowed before a click): the badge and the title still tell.
    }
  }
}
