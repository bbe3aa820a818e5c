import type { Locale } from '$lib/i18n/index.js';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
