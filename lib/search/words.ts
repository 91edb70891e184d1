/**
 * Words as search compares them, and the words that carry no meaning of their own.
 *
 * Stop words are kept folded (lower case, no diacritics) because queries are folded before
 * they are compared: "på", "för" and "är" arrive as "pa", "for", "ar". The list holds Swedish
 * function words and the everyday fillers of chatty queries ("vill", "ska", "hela", "fått"),
 * and the English ones, and "hjälp" (help), which nearly every query could start with and
 * says nothing about the need. Other words that are merely common in the directory are
 * handled by their document frequency instead (lib/search/analyze.ts).
 */
import { foldText } from './document';

/** The words of a text as search compares them: folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const SWEDISH = `
alla allt alltid andra annan annat ar att av bada bade bara bli blev blir blivit borde bra da dag dagar
dar darfor de dem den denna deras dess dessa det detta dig din dina ditt dom du dar efter eftersom ej
eller en ena ett fast fick fa far fatt for fore forra fran fast ganska genom ha hade haft han hans har
hela hellre helt hen hennes henne hit hon honom hur hos i icke igen ingen inget inga inom inte ja jag ju
kan kanske kommer kunde kunna lite man mer mest mig min mina mitt mot mycket manga maste ne nej nagon
nagot nagra nar nasta nog nu ny nya nyss och ocksa om oss pa redan samma sedan sen sig sin sina sitt ska
skall skulle sa som star sadan sadana sant till tills tog tycker under upp ut utan vad var vara varit
varje vart vem vi vid vill vilka vilken vilket vara vart ar at over oxa
ga gar gick gor gora gjort finns behover hitta soker soka letar ingenting allting nagonting hjalp hjalpa
hej halla tack snalla typ liksom assa alltsa ba
`;

const ENGLISH = `
a an and are as at be been but by can could do does for from get got has have he her him his how i if in
into is it its me my no not of on or our please she so that the their them there they this to up us was we
what when where which who why will with would you your help need
`;

const STOP_WORDS = new Set(foldText(`${SWEDISH} ${ENGLISH}`).split(/\s+/).filter(Boolean));

export function isStopWord(foldedWord: string): boolean {
  return STOP_WORDS.has(foldedWord);
}
