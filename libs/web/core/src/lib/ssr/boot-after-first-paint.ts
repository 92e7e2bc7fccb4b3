import { FILE_DROP_ZONE_CLASS, FILES_DROPPED_BEFORE_START } from './dropped-before-start';

/**
 * A server-rendered page as the browser gets it: its HTML painted first, then the app started.
 *
 * The build writes the app's scripts as `<link rel="modulepreload">` tags and a module script,
 * and the page preloads the default language's translations. When they arrive quickly (a fast
 * network, the browser's cache), the browser runs them as soon as the HTML is parsed, before it
 * paints anything: a slow phone then shows a blank screen for the second the framework takes to
 * start and hydrate, although the page's whole text is already there. This rewrites those tags
 * into one inline script that fetches them once the browser has painted the page (an animation
 * frame, then a task): the visitor reads the page while the app loads and starts. A hidden tab
 * paints nothing, so it starts the app at once, or as soon as it is hidden. The translations
 * preloaded are those of the page's language (`<html lang>`), not always French.
 *
 * Nothing is lost: clicks and keys before the start are recorded by Angular's event dispatch
 * contract (written before this script) and replayed, typed text is kept
 * (keepFieldsTypedBeforeHydration), and a file dropped on a drop zone is recorded by this script
 * for the zone to take once it runs (takeFileDroppedBeforeStart). When the page has no module
 * script (another build's shape), it is returned as it is.
 */
export function bootAfterFirstPaint(html: string, cspNonce?: string): string {
  const entryTag = ENTRY_SCRIPT.exec(html)?.[0];
  const entry = entryTag ? attributeOf(entryTag, 'src') : null;
  if (entry === null) return html;
  const preloads = [...html.matchAll(MODULE_PRELOAD)]
    .map((tag) => attributeOf(tag[0], 'href'))
    .filter((href): href is string => href !== null);
  const nonce = cspNonce ? ` nonce="${escapeAttribute(cspNonce)}"` : '';
  const script = `<script${nonce}>${bootScript(entry, preloads)}</script>`;
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(TRANSLATION_PRELOAD, '')
    .replace(ENTRY_SCRIPT, () => script);
}

const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;
const ENTRY_SCRIPT = /<script\b[^>]*\btype="module"[^>]*><\/script>/;
const TRANSLATION_PRELOAD = /<link\b[^>]*\brel="preload"[^>]*\bhref="i18n\/[^"]*"[^>]*>/;

function attributeOf(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Drops on a zone the app has not yet taken over (a zone that has started handles its own drops
 * and cancels them first) are cancelled, so the browser does not open the file, and recorded.
 */
const recordDrops =
  `const dropped=window[${JSON.stringify(FILES_DROPPED_BEFORE_START)}]=[];` +
  `const zoneOf=(event)=>!event.defaultPrevented&&event.target instanceof Element?event.target.closest(${JSON.stringify(`.${FILE_DROP_ZONE_CLASS}`)}):null;` +
  `const allow=(event)=>{if(zoneOf(event)){event.preventDefault();if(event.dataTransfer)event.dataTransfer.dropEffect='copy';}};` +
  `document.addEventListener('dragenter',allow);document.addEventListener('dragover',allow);` +
  `document.addEventListener('drop',(event)=>{const zone=zoneOf(event);if(!zone)return;event.preventDefault();` +
  `const file=event.dataTransfer&&event.dataTransfer.files[0];if(file)dropped.push({zone,file});});`;

/**
 * The inline script. JSON.stringify writes the URLs as script literals; `<` is escaped so that no
 * URL can close the script element. The translations are fetched as TranslationLoader fetches
 * them (same URL, CORS mode, same-origin credentials), so the browser hands it this response.
 */
function bootScript(entry: string, modulePreloads: string[]): string {
  const literal = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return (
    `(()=>{${recordDrops}let started=false;const start=()=>{if(started)return;started=true;` +
    `const add=(tag,properties)=>document.head.appendChild(Object.assign(document.createElement(tag),properties));` +
    `const lang=document.documentElement.lang;` +
    `if(/^[a-z]{2}$/.test(lang))add('link',{rel:'preload',as:'fetch',type:'application/json',crossOrigin:'anonymous',href:'i18n/'+lang+'.json'});` +
    `for(const href of ${literal(modulePreloads)})add('link',{rel:'modulepreload',href});` +
    `add('script',{type:'module',src:${literal(entry)}});};` +
    `if(document.visibilityState==='hidden')start();` +
    `else{requestAnimationFrame(()=>setTimeout(start));document.addEventListener('visibilitychange',start,{once:true});}})();`
  );
}
