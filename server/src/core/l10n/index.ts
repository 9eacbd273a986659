// Rendering message ids in a language. Pure: no editor or protocol imports, so
// the LSP server, the CLI and tests render the same way.

import { en, ko, type MessageId } from './messages';

export { en, ko, type MessageId } from './messages';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const CATALOGUES: { readonly [L in Locale]: { readonly [K in MessageId]: string } } = { en, ko };

/** An ordinal position: "6th" in English, "6" (followed by 번째) in Korean. */
export interface Ordinal {
  readonly ordinal: number;
}

export type ArgValue = string | number | Ordinal | MessageRef | readonly ArgValue[];

/** A message as the core reports it: the adapter renders it in the user's language. */
export interface MessageRef {
  readonly id: MessageId;
  readonly args: { readonly [name: string]: ArgValue };
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** Exactly the placeholders of the English template, so a missing or misspelt argument fails to compile. */
export type ArgsOf<K extends MessageId> = { readonly [P in Placeholders<(typeof en)[K]>]: ArgValue };

export function ref<K extends MessageId>(id: K, ...args: Placeholders<(typeof en)[K]> extends never ? [] : [ArgsOf<K>]): MessageRef {
  return { id, args: args[0] ?? {} };
}

/** Placeholder names in a template, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

export function render(locale: Locale, message: MessageRef): string {
  const template = CATALOGUES[locale][message.id];
  // Particles are resolved in the template's own text only: an argument quoted from the user is never rewritten.
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    out = appendLiteral(locale, out, template.slice(last, m.index));
    const value = message.args[m[1]!];
    out += value === undefined ? m[0] : renderArg(locale, value);
    last = m.index + m[0].length;
  }
  return appendLiteral(locale, out, template.slice(last));
}

function renderArg(locale: Locale, value: ArgValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isArgList(value)) return value.map((v) => renderArg(locale, v)).join(', ');
  if ('ordinal' in value) return locale === 'en' ? `${value.ordinal}${ordinalSuffix(value.ordinal)}` : String(value.ordinal);
  return render(locale, value);
}

function isArgList(value: ArgValue): value is readonly ArgValue[] {
  return Array.isArray(value);
}

export function ordinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** A locale from a string such as `ko`, `ko-KR`, `ko_KR.UTF-8` or `en-US`; undefined when it names neither. */
export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lang = value.trim().toLowerCase().split(/[-_.@]/)[0];
  return lang === 'ko' ? 'ko' : lang === 'en' ? 'en' : undefined;
}

// Korean particles depend on whether the word before ends in a consonant
// (책이, 논문은, 링크를); arguments are only known when rendering, so the
// templates write both forms and this picks one, as a Korean writer would.
const PARTICLES: readonly { readonly pair: string; readonly withFinal: string; readonly without: string }[] = [
  { pair: '이(가)', withFinal: '이', without: '가' },
  { pair: '은(는)', withFinal: '은', without: '는' },
  { pair: '을(를)', withFinal: '을', without: '를' },
  { pair: '와(과)', withFinal: '과', without: '와' },
  { pair: '(으)로', withFinal: '으로', without: '로' },
];
/** Characters skipped when looking for the word a particle attaches to. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '`', '*', ' ']);
/** How digits are read: 영 일 이 삼 사 오 육 칠 팔 구; 1, 7, 8 end in ㄹ. */
const DIGIT_FINAL = ['ng', 'l', '', 'm', '', '', 'k', 'l', 'l', ''];
/** Word endings whose Korean reading ends in a consonant: Patel 파텔, Kim 김, Lin 린, Turing 튜링; a final r is silent (Turner 터너). */
const LETTER_FINAL: Readonly<Record<string, string>> = { l: 'l', m: 'm', n: 'n' };

/** '' for no final consonant, 'l' for ㄹ, another non-empty string for the rest; undefined when unknown. */
function finalSound(c: string): string | undefined {
  const code = c.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? '' : jong === 8 ? 'l' : 'k';
  }
  if (c >= '0' && c <= '9') return DIGIT_FINAL[code - 48];
  if (/[a-z]/i.test(c)) return LETTER_FINAL[c.toLowerCase()] ?? '';
  return undefined;
}

function appendLiteral(locale: Locale, out: string, literal: string): string {
  if (locale !== 'ko') return out + literal;
  let result = out;
  let i = 0;
  while (i < literal.length) {
    const particle = PARTICLES.find((p) => literal.startsWith(p.pair, i));
    if (particle) {
      result += chooseParticle(particle, result);
      i += particle.pair.length;
    } else {
      result += literal[i];
      i++;
    }
  }
  return result;
}

/** The form of `particle` that follows the end of `before`, skipping closing quotes and brackets. */
function chooseParticle(particle: (typeof PARTICLES)[number], before: string): string {
  let i = before.length - 1;
  while (i >= 0 && CLOSERS.has(before[i]!)) i--;
  const sound = i >= 1 && /ng$/i.test(before.slice(i - 1, i + 1)) ? 'ng' : i >= 0 ? finalSound(before[i]!) : undefined;
  if (sound === undefined || sound === '') return particle.without;
  // 로 follows ㄹ as it follows a vowel: 파일로, 링크로.
  if (particle.pair === '(으)로' && sound === 'l') return particle.without;
  return particle.withFinal;
}

/** The English text and the id it came from, for a report's `message` and `l10n`. */
export function msg<K extends MessageId>(id: K, ...args: Placeholders<(typeof en)[K]> extends never ? [] : [ArgsOf<K>]): { message: string; l10n: MessageRef } {
  return msgOf(ref(id, ...args));
}

/** `msg` for a reference built elsewhere. */
export function msgOf(r: MessageRef): { message: string; l10n: MessageRef } {
  return { message: render('en', r), l10n: r };
}

/** The English text and the id, as the two arguments of a `log(message, l10n)` callback. */
export function logArgs(r: MessageRef): [message: string, l10n: MessageRef] {
  return [render('en', r), r];
}

/** The English title and the id it came from, for a fix's `title` and `titleL10n`. */
export function fixTitle<K extends MessageId>(id: K, ...args: Placeholders<(typeof en)[K]> extends never ? [] : [ArgsOf<K>]): { title: string; titleL10n: MessageRef } {
  const r = ref(id, ...args);
  return { title: render('en', r), titleL10n: r };
}

/** `message` in `locale`: the English text as reported, or its id rendered in another language. */
export function localize(locale: Locale, english: string, l10n: MessageRef | undefined): string {
  return locale === 'en' || !l10n ? english : render(locale, l10n);
}
