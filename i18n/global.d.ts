import type { routing } from './routing';
import type messages from '../messages/sv.json';

// Swedish is the source language: the other message files must have the same keys.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
